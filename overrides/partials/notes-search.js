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

  function show(correction) {
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
    line.append(strong);
  }

  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      if (String(url).includes("search-worker"))
        this.addEventListener("message", event => {
          if (!event.data || event.data.type !== RESULT || !event.data.data) return;
          show(event.data.data.corrected);
          // Which query the results on screen answer (tests and tools wait for it).
          const meta = document.querySelector(".md-search-result__meta");
          if (meta) meta.dataset.notesQuery = event.data.data.query || "";
        });
    }
  };
})();
