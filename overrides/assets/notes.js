/*
 * Section links and glossary tooltips for the notes site.
 *
 * - Every section heading gets two buttons: copy the section's link, and copy it labelled for
 *   chat or Markdown ("[EC2 › Spread](…)"). On service pages the link is the section's share
 *   page (s/PAGE/ID/), which unfurls in chat with the section's own title and sends browsers
 *   straight on to PAGE/#ID. Links are built from where the site is served, so they are right
 *   under a GitHub Pages sub-path and on `mkdocs serve` alike.
 * - Landing on a section, on first load or within the site, lights it up for a moment; an old id
 *   of a section that moved to another page sends the reader on to where it lives now.
 * - Abbreviations from the glossary (assets/glossary.js) show their expansion on hover.
 */
(function () {
  "use strict";

  const HEADINGS = "article.md-content__inner :is(h2, h3, h4, h5, h6)[id]";
  const LANDED_MS = 2500;
  const SKIP_ABBR = "code, pre, a, abbr, button, script, style, h1, h2, h3, h4, h5, h6, .notes-share";
  const ICON_LINK = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42Z"/></svg>';
  const ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2M6 9h12v2H6m8 3H6v-2h8m4-4H6V6h12"/></svg>';

  const config = JSON.parse(document.getElementById("__config").textContent);
  // The site's root, resolved once against the page the site was entered on: instant
  // navigation changes the URL later, but not the relative base in the config.
  const root = window.notesRoot || (window.notesRoot = new URL(config.base.replace(/\/?$/, "/"), location.href).href);

  function pageSlug() {
    const path = decodeURIComponent(new URL(location.href).pathname);
    const base = decodeURIComponent(new URL(root).pathname);
    return path.startsWith(base) ? path.slice(base.length).replace(/\/?(index\.html)?$/, "") : "";
  }

  function sectionLink(heading) {
    const slug = pageSlug();
    if (slug && !slug.includes("/")) return new URL(`s/${slug}/${heading.id}/`, root).href;
    const url = new URL(location.href);
    url.hash = heading.id;
    return url.href;
  }

  function headingText(heading) {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink, .notes-share").forEach(el => el.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function pageTitle() {
    const h1 = document.querySelector("article.md-content__inner h1");
    return h1 ? headingText(h1) : document.title;
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // Older browsers, or a page not served from a secure origin: the selection route.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "notes-visually-hidden";
      document.body.append(area);
      area.select();
      const done = document.execCommand("copy");
      area.remove();
      return done;
    }
  }

  function announce(message) {
    let region = document.getElementById("notes-announce");
    if (!region) {
      region = document.createElement("div");
      region.id = "notes-announce";
      region.className = "notes-visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.append(region);
    }
    region.textContent = "";
    setTimeout(() => { region.textContent = message; }, 50);
    if (window.alert$) window.alert$.next(message);
  }

  function shareButton(heading, kind) {
    const title = headingText(heading);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "notes-share";
    if (kind === "markdown") {
      button.innerHTML = ICON_CHAT;
      button.setAttribute("aria-label", `Copy link for chat to section ${title}`);
    } else {
      button.innerHTML = ICON_LINK;
      button.setAttribute("aria-label", `Copy link to section ${title}`);
    }
    button.addEventListener("click", async event => {
      event.preventDefault();
      const link = sectionLink(heading);
      const text = kind === "markdown" ? `[${pageTitle()} \u203a ${title}](${link})` : link;
      announce(await copyText(text) ? "Link copied" : "Could not copy the link");
    });
    return button;
  }

  function addShareButtons(container, only) {
    for (const heading of only ? [only] : container.querySelectorAll(HEADINGS)) {
      if (heading.querySelector(".notes-share")) continue;
      const anchor = heading.querySelector(".headerlink");
      const buttons = [shareButton(heading, "link"), shareButton(heading, "markdown")];
      if (anchor) anchor.before(...buttons); else heading.append(...buttons);
    }
  }

  function land(hash) {
    if (!hash || hash.length < 2) return;
    let id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch (error) {
      return;                          // "#%E0%A4%A": no section has a name like that
    }
    const target = document.getElementById(id);
    if (!target) return;
    if (target.dataset.movedTo) {
      location.replace(new URL(target.dataset.movedTo, location.href).href);
      return;
    }
    const section = target.closest("h1, h2, h3, h4, h5, h6") || target;
    keepInView(section);
    section.classList.remove("notes-landed");
    void section.offsetWidth; // restart the animation when landing on the same section again
    section.classList.add("notes-landed");
    setTimeout(() => section.classList.remove("notes-landed"), LANDED_MS);
  }

  // The section stays where the reader landed while the page settles (instant navigation
  // restoring its scroll, decoration adding buttons above), unless the reader moves on.
  let readerMoved = false;
  for (const event of ["wheel", "touchmove", "keydown", "mousedown"])
    window.addEventListener(event, () => { readerMoved = true; }, { passive: true, capture: true });

  function keepInView(section) {
    readerMoved = false;
    const check = () => {
      if (readerMoved || !section.isConnected) return;
      const top = section.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) section.scrollIntoView({ block: "start" });
    };
    for (const delay of [100, 400, 1000]) setTimeout(check, delay);
  }

  function glossaryPattern() {
    const terms = Object.keys(self.NOTES_GLOSSARY || {}).sort((a, b) => b.length - a.length);
    if (!terms.length) return null;
    const escaped = terms.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`(?<![\\w-])(?:${escaped.join("|")})(?![\\w-])`, "g");
  }

  function addAbbreviations(container, pattern) {
    if (!pattern) return;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: node => node.parentElement.closest(SKIP_ABBR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const parts = document.createDocumentFragment();
      let position = 0;
      for (const match of text.matchAll(pattern)) {
        parts.append(text.slice(position, match.index));
        const abbr = document.createElement("abbr");
        abbr.title = self.NOTES_GLOSSARY[match[0]];
        abbr.textContent = match[0];
        parts.append(abbr);
        position = match.index + match[0].length;
      }
      parts.append(text.slice(position));
      node.replaceWith(parts);
    }
  }

  const abbreviations = glossaryPattern();

  // Decorating a long page in one go would hold up the first interaction: the work is done in
  // slices of a few milliseconds, in the order a reader needs it (the section landed on first).
  const SLICE_MS = 8;
  const later = window.requestIdleCallback || (fn => setTimeout(() => fn({ timeRemaining: () => SLICE_MS }), 1));

  function decorate() {
    const article = document.querySelector("article.md-content__inner");
    if (!article || article.dataset.notesDecorated) return;
    article.dataset.notesDecorated = "true";
    const sections = [...article.querySelectorAll(HEADINGS)];
    const target = sections.findIndex(h => `#${h.id}` === location.hash);
    if (target > 0) sections.unshift(...sections.splice(target, 1));
    const blocks = [...article.children];
    const work = [...sections.map(h => () => addShareButtons(h.parentElement, h)),
                  ...blocks.map(block => () => addAbbreviations(block, abbreviations))];
    const step = deadline => {
      const start = performance.now();
      while (work.length && performance.now() - start < Math.min(SLICE_MS, deadline.timeRemaining() || SLICE_MS))
        work.shift()();
      if (work.length) later(step);
    };
    later(step);
  }

  if (document.querySelector(".md-search[role=dialog]"))
    document.querySelector(".md-search[role=dialog]").setAttribute("aria-label", "Search the notes");
  decorate();
  land(location.hash);
  // Pages reached by instant navigation, and same-page jumps through the table of contents.
  if (window.document$) window.document$.subscribe(() => { decorate(); land(location.hash); });
  if (window.location$) window.location$.subscribe(url => land(url.hash));
  window.addEventListener("hashchange", () => land(location.hash));
})();
