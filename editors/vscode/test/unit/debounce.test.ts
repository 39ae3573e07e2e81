import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";

import { Debouncer } from "../../src/debounce";

describe("Debouncer (restart on settings change)", () => {
  it("runs once after a burst, with every distinct reason", () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      const runs: (readonly string[])[] = [];
      const debouncer = new Debouncer(800, (reasons) => runs.push(reasons));
      debouncer.trigger("settings changed");
      mock.timers.tick(500);
      debouncer.trigger("settings changed");
      mock.timers.tick(500);
      debouncer.trigger("Python interpreter changed");
      assert.equal(runs.length, 0, "nothing runs while changes keep coming");
      assert.equal(debouncer.pending, true);
      mock.timers.tick(800);
      assert.deepEqual(runs, [["settings changed", "Python interpreter changed"]]);
      assert.equal(debouncer.pending, false);
      debouncer.trigger("again");
      mock.timers.tick(800);
      assert.deepEqual(runs[1], ["again"]);
    } finally {
      mock.timers.reset();
    }
  });

  it("cancel drops a pending run", () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      let ran = false;
      const debouncer = new Debouncer(100, () => (ran = true));
      debouncer.trigger("x");
      debouncer.cancel();
      mock.timers.tick(1000);
      assert.equal(ran, false);
    } finally {
      mock.timers.reset();
    }
  });
});
