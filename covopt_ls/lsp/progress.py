"""Work-done progress for editor jobs (`window/workDoneProgress/create`, `$/progress`).

Only for clients that declare `window.workDoneProgress`. Each job gets a fresh token; begin
names the job ("covopt: lines 4-5 of calculate_discount"), reports carry the pipeline's steps
("generating tests", "verifying 2 candidate tests"), end says what came of it. Progress is
cancellable: `window/workDoneProgress/cancel` cancels the job.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from lsprotocol import types

from covopt_ls.gap_jobs import GapJob
from covopt_ls.tasks.model import TaskStatus

if TYPE_CHECKING:
    from .server import CovOptServer

logger = logging.getLogger(__name__)


def outcome_text(job: GapJob) -> str:
    if job.status == TaskStatus.CANCELLED:
        return "cancelled"
    if job.status == TaskStatus.FAILED:
        return f"failed: {job.error}"
    verified = job.verified()
    if verified:
        noun = "test" if len(verified) == 1 else "tests"
        return f"{len(verified)} verified {noun}: " + ", ".join(
            t.test_name or "test" for t in verified
        )
    return "no passing test found"


class WorkDoneReporter:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server
        self._tokens: dict[str, str] = {}
        """job id → token, once begun."""
        self._jobs: dict[str, str] = {}
        """token → job id."""

    def supported(self) -> bool:
        window = self._server.client_capabilities.window
        return bool(window and window.work_done_progress)

    def job_of(self, token: str) -> str | None:
        return self._jobs.get(token)

    async def start(self, job: GapJob) -> None:
        if not self.supported():
            return
        token = str(uuid.uuid4())
        try:
            await self._server.work_done_progress.create_async(token)
        except Exception as exc:  # the client refused: the job runs without progress
            logger.info("progress for %s refused: %s", job.title, exc)
            return
        self._jobs[token] = job.job_id
        self._tokens[job.job_id] = token
        self._server.work_done_progress.begin(
            token,
            types.WorkDoneProgressBegin(
                title=f"covopt: {job.title}",
                cancellable=True,
                message=job.progress.message if job.progress else "waiting for a free slot",
            ),
        )
        if job.finished:
            self.finish(job)

    def update(self, job: GapJob) -> None:
        token = self._tokens.get(job.job_id)
        if token is None or job.progress is None:
            return
        percentage = None
        done, total = job.progress.done, job.progress.total
        if done is not None and total:
            percentage = max(0, min(100, int(100 * done / total)))
        self._server.work_done_progress.report(
            token,
            types.WorkDoneProgressReport(message=job.progress.message, percentage=percentage),
        )

    def finish(self, job: GapJob) -> None:
        token = self._tokens.pop(job.job_id, None)
        if token is None:
            return
        self._jobs.pop(token, None)
        self._server.work_done_progress.end(
            token, types.WorkDoneProgressEnd(message=outcome_text(job))
        )
