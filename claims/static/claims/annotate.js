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
  document.addEventListener("mouseup", function () {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const r = sel.getRangeAt(0);
    if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return;
    const before = offsetIn(box, r.startContainer, r.startOffset);
    const upto = offsetIn(box, r.endContainer, r.endOffset);
    document.getElementById("fc-start").value = codePoints(before);
    document.getElementById("fc-end").value = codePoints(upto);
    document.getElementById("fc-selected").textContent = upto.slice(before.length);
    form.hidden = false;
    document.getElementById("fc-claimant").focus();
  });
  document.getElementById("fc-cancel").addEventListener("click", function () { form.hidden = true; });
})();
