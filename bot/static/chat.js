// Web chat: keeps nothing beyond this tab (no storage, no cookies), talks to /api/chat.
// The page's own words come in every language (#words); the conversation's language comes
// back with every answer (Content-Language) and is sent with the next message.
"use strict";
(() => {
  const SHIFTS_TO_EXIT = 3;
  const SHIFT_RESET_MS = 5000;
  const LOCATION_TIMEOUT_MS = 15000;
  const WORDS = JSON.parse(document.getElementById("words").textContent);

  let sender = crypto.randomUUID();
  let busy = false;
  let language = document.documentElement.lang;
  let chosen = false;
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const exit = document.getElementById("exit");
  const exitStatus = document.getElementById("exit-status");
  const locate = document.getElementById("locate");
  const choice = document.getElementById("language");

  const t = (key) => WORDS[language][key];

  // The page's words, its direction (right to left for Arabic and Urdu) and the choice
  // follow the conversation's language.
  function setLanguage(code, isChosen) {
    if (!WORDS[code]) return;
    language = code;
    chosen = isChosen;
    document.documentElement.lang = code;
    document.documentElement.dir = WORDS[code].dir;
    document.title = t("title");
    for (const element of document.querySelectorAll("[data-word]")) {
      const word = t(element.dataset.word);
      element.textContent = element.dataset.word === "bot" ? `${word} ` : word;
    }
    log.setAttribute("aria-label", t("conversation"));
    choice.value = code;
  }

  // One bubble. A bot reply's phone numbers (the server lists the directory's numbers it
  // shows) become tel: links; the 999 lines are an alert, set apart from other replies.
  function add(text, who, reply = {}) {
    const p = document.createElement("p");
    p.className = reply.alert ? `msg ${who} alert` : `msg ${who}`;
    if (reply.alert) p.setAttribute("role", "alert");
    p.dir = "auto";
    const speaker = document.createElement("span");
    speaker.className = "visually-hidden";
    speaker.dir = WORDS[language].dir; // its own direction: the bubble's follows the message
    speaker.textContent = `${who === "user" ? t("you") : t("bot")} `;
    p.append(speaker, ...withPhoneLinks(text, reply.phones || []));
    log.append(p);
    return p;
  }

  function withPhoneLinks(text, phones) {
    if (!phones.length) return [text];
    const escaped = phones.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const parts = text.split(new RegExp(`(?<![\\d+])(${escaped.join("|")})(?!\\d)`));
    return parts.map((part, i) => {
      if (i % 2 === 0) return part;
      const link = document.createElement("a");
      link.href = `tel:${part.replace(/[^\d+]/g, "")}`;
      link.textContent = part;
      return link;
    });
  }

  function addButtons(buttons) {
    const row = document.createElement("div");
    row.className = "buttons";
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", t("choices"));
    for (const b of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.dir = "auto";
      button.textContent = b.title;
      // Leave now does exactly what "Exit this page" does.
      button.addEventListener("click", () => (b.payload === "/quick_exit" ? leave() : choose(row, b)));
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
      const bubble = m.text ? add(m.text, "bot", m) : null;
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
    status.textContent = on ? t("sending") : "";
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
        body: JSON.stringify({ sender, language, language_chosen: chosen, ...body }),
      });
      const answer = await resp.json();
      if (!sender) return null;
      if (!resp.ok) { add(answer.error || t("try_again"), "bot"); return null; }
      setLanguage(resp.headers.get("Content-Language") || language,
        resp.headers.get("X-Language-Chosen") === "true");
      return { row: render(answer) };
    } catch {
      add(t("unavailable"), "bot");
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
    status.textContent = t("finding_location");
    navigator.geolocation.getCurrentPosition(({ coords }) => {
      status.textContent = "";
      send({ location: { latitude: round(coords.latitude), longitude: round(coords.longitude) } },
        t("shared_location"));
    }, () => {
      status.textContent = "";
      add(t("location_not_shared"), "bot");
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

  // Choosing a language tells the bot, which answers in it from then on.
  choice.addEventListener("change", () => {
    const code = choice.value;
    setLanguage(code, true);
    send({ message: `/language ${code}` }, WORDS[code].name);
  });

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
    exitStatus.textContent = left === 1 ? t("shift_once_more")
      : t("shift_more").replace("{count}", String(left));
    shiftTimer = setTimeout(resetShifts, SHIFT_RESET_MS);
  });
})();
