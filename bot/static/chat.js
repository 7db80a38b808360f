// Web chat: keeps nothing beyond this tab (no storage, no cookies), talks to /api/chat.
"use strict";
(() => {
  const sender = crypto.randomUUID();
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");

  function add(text, who) {
    const p = document.createElement("p");
    p.className = `msg ${who}`;
    p.textContent = text;
    log.appendChild(p);
    p.scrollIntoView({ block: "end" });
    return p;
  }

  function addButtons(buttons) {
    const row = document.createElement("div");
    row.className = "buttons";
    for (const b of buttons) {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b.title;
      btn.addEventListener("click", () => { row.remove(); send(b.payload, b.title); });
      row.appendChild(btn);
    }
    log.appendChild(row);
  }

  async function send(message, shown) {
    add(shown || message, "user");
    try {
      const resp = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender, message }),
      });
      const body = await resp.json();
      if (!resp.ok) { add(body.error || "Something went wrong, please try again.", "bot"); return; }
      if (body.some((m) => m.quick_exit)) log.replaceChildren();  // left: nothing stays
      for (const m of body) {
        if (m.text) add(m.text, "bot");
        if (m.buttons) addButtons(m.buttons);
      }
    } catch (err) {
      add("I can't reach the service. Please try again, or call 999 if you are in danger.", "bot");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  // Exit this page: the server forgets the conversation, the tab shows a neutral page and
  // Back does not return here.
  document.getElementById("exit").addEventListener("click", (event) => {
    event.preventDefault();
    const body = JSON.stringify({ sender, message: "/quick_exit" });
    navigator.sendBeacon("/api/chat", new Blob([body], { type: "application/json" }));
    log.replaceChildren();
    window.location.replace(event.currentTarget.href);
  });
})();
