// Progressive enhancement for /bot/chat/: post the question with fetch and append the answer without a reload.
// Without JavaScript the form posts normally (post/redirect/get).
(function () {
  "use strict";
  const form = document.getElementById("ask");
  const conversation = document.getElementById("conversation");
  if (!form || !conversation || !window.fetch) return;
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const input = form.elements.namedItem("text");
    const button = form.querySelector("button");
    const data = new FormData(form);
    if (!String(data.get("text") || "").trim()) return;
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { "Accept": "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") },
        credentials: "same-origin",
      });
      if (!response.ok) { form.submit(); return; }
      const exchange = await response.json();
      const empty = conversation.querySelector(".empty");
      if (empty) empty.remove();
      conversation.insertAdjacentHTML("beforeend", exchange.html);  // server-rendered, auto-escaped template
      conversation.lastElementChild.scrollIntoView({ block: "nearest" });
      input.value = "";
    } catch (err) {
      form.submit();
    } finally {
      button.disabled = false;
      input.focus();
    }
  });
})();
