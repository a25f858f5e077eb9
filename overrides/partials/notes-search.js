/*
 * "Showing results for …": when the search worker corrected a misspelt query, say so above the
 * results. Loaded in the page head, before the theme starts its search worker, so that it can
 * listen to that worker's answers.
 */
(function () {
  "use strict";
  const RESULT = 3;
  const NativeWorker = window.Worker;
  if (!NativeWorker) return;

  let searchWorker = null;

  // "Search instead for": the query exactly as typed, which the worker then leaves uncorrected.
  function searchExactly(typed) {
    const input = document.querySelector("[data-md-component=search-query]");
    if (!searchWorker || !input) return;
    searchWorker.postMessage({ notes: "exact", data: typed });
    input.focus();
    // The theme searches when the box's text changes: empty it, then put the query back.
    input.value = "";
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    setTimeout(() => {
      input.value = typed;
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }, 50);
  }

  function show(correction, typed) {
    const meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    let line = document.querySelector(".notes-search-corrected");
    if (!correction) {
      if (line) line.remove();
      return;
    }
    if (!line) {
      line = document.createElement("p");
      line.className = "notes-search-corrected";
      line.setAttribute("role", "status");
      meta.before(line);
    }
    line.textContent = "Showing results for ";
    const strong = document.createElement("strong");
    strong.textContent = correction;
    line.append(strong, ". ");
    if (typed) {
      const exact = document.createElement("button");
      exact.type = "button";
      exact.className = "notes-search-exact";
      exact.textContent = `Search instead for ${typed}`;
      exact.addEventListener("click", () => searchExactly(typed));
      line.append(exact);
    }
  }

  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      if (String(url).includes("search-worker")) {
        searchWorker = this;
        // Ranking by meaning needs a file the worker fetches only once the reader starts to search
        // (the box may not be on the page yet, so the document listens for it).
        const warm = event => {
          if (!event.target.matches || !event.target.matches("[data-md-component=search-query]")) return;
          document.removeEventListener("focusin", warm);
          this.postMessage({ notes: "warm" });
        };
        document.addEventListener("focusin", warm);
        this.addEventListener("message", event => {
          if (!event.data || event.data.type !== RESULT || !event.data.data) return;
          show(event.data.data.corrected, event.data.data.query);
          // Which query the results on screen answer (tests and tools wait for it).
          const meta = document.querySelector(".md-search-result__meta");
          if (meta) meta.dataset.notesQuery = event.data.data.query || "";
        });
      }
    }
  };
})();
