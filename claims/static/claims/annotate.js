// Select a passage of the article's text to create a claim. The offsets sent are Unicode code points into the
// stored text (what TextPositionSelector counts), converted here from the browser's UTF-16 offsets.
(function () {
  const box = document.getElementById("fc-article-text");
  const form = document.getElementById("fc-annotate-form");
  if (!box || !form) return;
  const codePoints = (s) => Array.from(s).length;
  function offsetIn(container, node, offset) {
    const range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString();
  }
  // The part of a selection that lies in the text. A drag that starts or ends in the text but overshoots it (past
  // the last line of the article, or up above its first line) still means that passage: the end outside is clamped
  // to the text's edge. A selection touching the text at neither end is not an annotation.
  function withinText(container, selected) {
    if (!container.contains(selected.startContainer) && !container.contains(selected.endContainer)) return null;
    const whole = document.createRange();
    whole.selectNodeContents(container);
    const r = selected.cloneRange();
    if (r.compareBoundaryPoints(Range.START_TO_START, whole) < 0) r.setStart(whole.startContainer, whole.startOffset);
    if (r.compareBoundaryPoints(Range.END_TO_END, whole) > 0) r.setEnd(whole.endContainer, whole.endOffset);
    return r.collapsed ? null : r;
  }
  // Fill the claim panel from the current selection and show it; false when nothing in the text is selected.
  function openFromSelection(moveFocus) {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return false;
    const r = withinText(box, sel.getRangeAt(0));
    if (!r) return false;
    const before = offsetIn(box, r.startContainer, r.startOffset);
    const upto = offsetIn(box, r.endContainer, r.endOffset);
    document.getElementById("fc-start").value = codePoints(before);
    document.getElementById("fc-end").value = codePoints(upto);
    document.getElementById("fc-selected").textContent = upto.slice(before.length);
    form.hidden = false;
    if (moveFocus) document.getElementById("fc-claimant").focus();
    return true;
  }
  document.addEventListener("mouseup", function () { openFromSelection(true); });
  // Keyboard: a selection made with Shift+arrows/Home/End (caret browsing, F7) shows the panel as it grows, without
  // taking the focus away from the selection; Enter then moves to the panel's first field.
  const SELECTING_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp",
    "PageDown"]);
  document.addEventListener("keyup", function (event) {
    if ((event.shiftKey && SELECTING_KEYS.has(event.key)) || (event.key === "a" && (event.ctrlKey || event.metaKey))) {
      openFromSelection(false);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.target.closest("input, textarea, select, button, a, [contenteditable]")) return;
    if (openFromSelection(true)) event.preventDefault();
  });
  document.getElementById("fc-cancel").addEventListener("click", function () { form.hidden = true; });
})();
