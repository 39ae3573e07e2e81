"""
SimPy implements three types of resources that can be used to synchronize
processes or to model congestion points:

.. currentmodule:: simpy.resources

.. autosummary::

   resource
   container
   store

They are derived from the base classes defined in the
:mod:`~simpy.resources.base` module. These classes are also meant to support
the implementation of custom resource types.

"""
