// Web chat: keeps nothing beyond this tab (no storage, no cookies), talks to /api/chat.
"use strict";
(() => {
  const SHIFTS_TO_EXIT = 3;
  const SHIFT_RESET_MS = 5000;
  const LOCATION_TIMEOUT_MS = 15000;
  const TRY_AGAIN = "Something went wrong, please try again.";
  const NOT_SHARED = "Your location was not shared, and that's fine. You can type a place "
    + "or an Oxford postcode instead.";

  let sender = crypto.randomUUID();
  let busy = false;
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const exit = document.getElementById("exit");
  const exitStatus = document.getElementById("exit-status");
  const locate = document.getElementById("locate");

  function add(text, who) {
    const p = document.createElement("p");
    p.className = `msg ${who}`;
    const speaker = document.createElement("span");
    speaker.className = "visually-hidden";
    speaker.textContent = who === "user" ? "You: " : "Safer Oxford: ";
    p.append(speaker, text);
    log.append(p);
    return p;
  }

  function addButtons(buttons) {
    const row = document.createElement("div");
    row.className = "buttons";
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", "Choices");
    for (const b of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", () => choose(row, b));
      row.append(button);
    }
    log.append(row);
    return row;
  }

  // The bot's replies, the first one scrolled to the top; a quick exit clears the log first.
  // Returns the first new row of buttons, if any.
  function render(replies) {
    if (replies.some((m) => m.quick_exit)) log.replaceChildren();
    let first = null;
    let row = null;
    for (const m of replies) {
      const bubble = m.text ? add(m.text, "bot") : null;
      const buttons = m.buttons ? addButtons(m.buttons) : null;
      first = first || bubble;
      row = row || buttons;
    }
    if (first) first.scrollIntoView({ block: "start" });
    return row;
  }

  function setBusy(on) {
    busy = on;
    log.setAttribute("aria-busy", String(on));
    status.textContent = on ? "Sending…" : "";
  }

  // Posts one message or location, shown in the log as `shown`. Resolves to {row} (the
  // first new row of buttons or null) once answered, or null if it was not sent or failed.
  async function send(body, shown) {
    if (busy || !sender) return null;
    add(shown, "user");
    setBusy(true);
    try {
      const resp = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender, ...body }),
      });
      const answer = await resp.json();
      if (!sender) return null;
      if (!resp.ok) { add(answer.error || TRY_AGAIN, "bot"); return null; }
      return { row: render(answer) };
    } catch {
      add(log.dataset.unavailable, "bot");
      return null;
    } finally {
      setBusy(false);
    }
  }

  // A bot button: its row goes once answered (it stays for another try if not), and focus
  // that was on it moves to the next row's first button, or to the message box.
  async function choose(row, button) {
    const sent = await send({ message: button.payload }, button.title);
    if (!sent) return;
    const lost = row.contains(document.activeElement) || document.activeElement === document.body;
    row.remove();
    if (lost) (sent.row ? sent.row.querySelector("button") : input).focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    if (!(await send({ message: text }, text)) && !input.value) input.value = text;
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // The browser's position, rounded to about 100 m here, so no more leaves the device.
  function shareLocation() {
    if (busy) return;
    const round = (degrees) => Math.round(degrees * 1000) / 1000;
    status.textContent = "Finding your location…";
    navigator.geolocation.getCurrentPosition(({ coords }) => {
      status.textContent = "";
      send({ location: { latitude: round(coords.latitude), longitude: round(coords.longitude) } },
        "Shared my location");
    }, () => {
      status.textContent = "";
      add(NOT_SHARED, "bot");
    }, { timeout: LOCATION_TIMEOUT_MS });
  }

  // While the page is open, it asks now and then whether staff wrote about a report made
  // in it; the notice says only that a message waits (it is read by the reference code).
  async function checkNotices() {
    if (!sender || document.visibilityState !== "visible") return;
    try {
      const resp = await fetch("/api/chat/notices", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender }),
      });
      if (!resp.ok || !sender) return;
      for (const notice of (await resp.json()).notices) add(notice, "bot");
    } catch {
      // Offline for a moment: the next check will tell.
    }
  }

  setInterval(checkNotices, Number(log.dataset.noticeSeconds) * 1000);

  if (navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", shareLocation);
  }

  // Exit this page: the server forgets the conversation, the tab forgets it too and shows
  // a neutral page, and Back does not return here.
  function leave() {
    const body = JSON.stringify({ sender, message: "/quick_exit" });
    navigator.sendBeacon("/api/chat", new Blob([body], { type: "application/json" }));
    sender = "";
    log.replaceChildren();
    input.value = "";
    window.location.replace(exit.href);
  }

  exit.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });

  // Shift pressed 3 times on its own also exits, as on GOV.UK; a Shift held for another
  // key (a capital, Shift+Enter, Shift+Tab) does not count, and any other key starts over.
  let shifts = 0;
  let shiftAlone = false;
  let shiftTimer;

  function resetShifts() {
    clearTimeout(shiftTimer);
    shifts = 0;
    exitStatus.textContent = "";
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") {
      shiftAlone = false;
      if (shifts) resetShifts();
    } else if (!event.repeat) {
      shiftAlone = true;
    }
  });

  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    clearTimeout(shiftTimer);
    shifts += 1;
    if (shifts >= SHIFTS_TO_EXIT) { leave(); return; }
    const left = SHIFTS_TO_EXIT - shifts;
    exitStatus.textContent = `Shift, press ${left} more ${left === 1 ? "time" : "times"} to exit.`;
    shiftTimer = setTimeout(resetShifts, SHIFT_RESET_MS);
  });
})();
