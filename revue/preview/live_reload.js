// Dev server only (revue/serve.py adds it to pages as they are served, never to output/):
// reload when a new build is ready; show the last build's problems over the page while it is broken.
(function () {
  const { build, status, texts } = window.REVUE_LIVE; // texts: revue/core/messages/preview.py OVERLAY

  function showProblems(problems) {
    let overlay = document.getElementById("revue-erreurs");
    if (!problems.length) {
      if (overlay) overlay.remove();
      return;
    }
    if (!overlay) {
      overlay = document.createElement("section");
      overlay.id = "revue-erreurs";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem;background:#fff4f2;color:#5c0a00;border-top:4px solid #b3261e;" +
        "font:14px/1.4 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.3)";
      document.body.append(overlay);
    }
    overlay.replaceChildren();
    const title = document.createElement("h2");
    title.textContent = texts.title;
    title.style.cssText = "font-size:1rem;margin:0 0 .5rem";
    const list = document.createElement("pre");
    list.textContent = problems.join("\n");
    list.style.cssText = "white-space:pre-wrap;margin:0 0 .5rem;font:13px/1.4 ui-monospace,monospace";
    const hint = document.createElement("p");
    hint.textContent = texts.hint;
    hint.style.margin = "0";
    overlay.append(title, list, hint);
  }

  async function poll() {
    try {
      const response = await fetch(status, { cache: "no-store" });
      const current = await response.json();
      if (current.build !== build) {
        location.reload();
        return;
      }
      showProblems(current.problems);
    } catch {
      // The server is restarting or stopped: keep polling.
    }
    setTimeout(poll, 300);
  }

  poll();
})();
