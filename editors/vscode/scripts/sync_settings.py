"""Bring package.json's contributed settings in line with the server's Settings model.

`make -C editors sync-settings` after a setting is added to covopt_ls/settings.py: new settings get
the field's type, default, limits and its docstring as description; removed ones are dropped;
descriptions already written here are kept. The unit test settings.test.ts fails while they differ.
"""

from __future__ import annotations

import ast
import itertools
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PACKAGE_JSON = HERE.parent / "package.json"
REPO_ROOT = HERE.parents[2]
sys.path.insert(0, str(REPO_ROOT))

from pydantic import BaseModel  # noqa: E402

from covopt_ls import settings as settings_module  # noqa: E402
from covopt_ls.settings import Settings  # noqa: E402

CLIENT_ONLY = {"covopt.interpreter", "covopt.serverArgs", "covopt.trace.server"}
NOT_FOR_EDITORS = ("http.",)


def field_docstrings() -> dict[tuple[str, str], str]:
    """(class name, field name) → the string literal under the field, as written in settings.py."""
    tree = ast.parse(Path(settings_module.__file__).read_text(encoding="utf-8"))
    found: dict[tuple[str, str], str] = {}
    for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        for first, second in itertools.pairwise(cls.body):
            if (
                isinstance(first, ast.AnnAssign)
                and isinstance(first.target, ast.Name)
                and isinstance(second, ast.Expr)
                and isinstance(second.value, ast.Constant)
                and isinstance(second.value.value, str)
            ):
                found[(cls.name, first.target.id)] = " ".join(second.value.value.split())
    return found


def server_settings() -> dict[str, dict[str, Any]]:
    """`covopt.<dotted camelCase>` → its JSON-schema property for VS Code."""
    schema = Settings.model_json_schema(by_alias=True)
    defaults = Settings().model_dump(by_alias=True)
    docs = field_docstrings()
    out: dict[str, dict[str, Any]] = {}

    def walk(
        model: type[BaseModel], props: dict[str, Any], values: dict[str, Any], prefix: str
    ) -> None:
        aliases = {field.alias or name: name for name, field in model.model_fields.items()}
        for name, spec in props.items():
            if "$ref" in spec:
                sub_name = spec["$ref"].split("/")[-1]
                sub_model = model.model_fields[aliases[name]].annotation
                assert isinstance(sub_model, type) and issubclass(sub_model, BaseModel)
                sub = schema["$defs"][sub_name]
                walk(sub_model, sub["properties"], values[name], f"{prefix}{name}.")
                continue
            key = f"{prefix}{name}"
            if key.startswith(NOT_FOR_EDITORS):
                continue
            types = [spec["type"]] if "type" in spec else [a["type"] for a in spec["anyOf"]]
            prop: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
            for extra in ("items", "additionalProperties", "enum"):
                if extra in spec:
                    prop[extra] = spec[extra]
            for limit in ("minimum", "maximum", "exclusiveMinimum"):
                if limit in spec:
                    prop[limit] = spec[limit]
            prop["default"] = values[name]
            prop["scope"] = "resource"
            doc = docs.get((model.__name__, aliases[name]))
            if doc:
                prop["description"] = doc
            out[f"covopt.{key}"] = prop

    walk(Settings, schema["properties"], defaults, "")
    return out


def main() -> int:
    package = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    current: dict[str, dict[str, Any]] = package["contributes"]["configuration"]["properties"]
    wanted = server_settings()
    merged: dict[str, dict[str, Any]] = {}
    for key, prop in current.items():
        if key in CLIENT_ONLY:
            merged[key] = prop
        elif key in wanted:
            written = {
                k: v
                for k, v in prop.items()
                if k in ("description", "markdownDescription", "enumDescriptions")
            }
            merged[key] = {**wanted[key], **written}
            if "markdownDescription" in written:
                merged[key].pop("description", None)
    added = [key for key in wanted if key not in merged]
    for key in added:
        merged[key] = wanted[key]
        if "description" not in merged[key]:
            merged[key]["description"] = (
                f"See the covopt-ls README ({key.removeprefix('covopt.')})."
            )
    removed = [key for key in current if key not in merged]
    package["contributes"]["configuration"]["properties"] = merged
    PACKAGE_JSON.write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"settings: {len(added)} added {added}, {len(removed)} removed {removed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
