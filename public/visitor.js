// The behaviours a visitor's cached page needs without React (lib/http/lean-page.ts): they mirror
// components/personas/auto-submit.tsx, components/layout/theme-switch.tsx and
// components/layout/account-menu.tsx, which do the same on pages the app hydrates.
(function () {
  "use strict";
  if (window.__personaVisitor) return;
  window.__personaVisitor = true;

  // Filters apply on change; a change made with the keyboard waits for Enter or for leaving the
  // select. Empty fields are left out of the URL.
  var STEP_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"];
  document.querySelectorAll("[data-auto-submit]").forEach(function (anchor) {
    var form = anchor.closest("form");
    if (!form || form.dataset.autoSubmit === "on") return;
    var keyed = false;
    var pending = false;
    var isSelect = function (e) {
      return e.target instanceof HTMLSelectElement;
    };
    form.addEventListener("keydown", function (e) {
      if (!isSelect(e)) return;
      if (e.key === "Enter") {
        e.preventDefault();
        pending = false;
        form.requestSubmit();
      } else if (STEP_KEYS.indexOf(e.key) >= 0 || e.key.length === 1) {
        keyed = true;
      }
    });
    form.addEventListener("change", function (e) {
      if (!isSelect(e)) return;
      if (keyed) {
        pending = true;
        keyed = false;
        return;
      }
      form.requestSubmit();
    });
    form.addEventListener("pointerdown", function () {
      keyed = false;
    });
    form.addEventListener("focusout", function (e) {
      if (isSelect(e) && pending) {
        pending = false;
        form.requestSubmit();
      }
    });
    form.addEventListener("formdata", function (e) {
      Array.from(e.formData.entries()).forEach(function (entry) {
        if (entry[1] === "") e.formData.delete(entry[0]);
      });
    });
    form.dataset.autoSubmit = "on";
    // Back and forward show the fields of that URL's page, not what the browser restores into them
    // (the text typed before the search that left the page).
    window.addEventListener("pageshow", function () {
      form.reset();
    });
  });

  // System, light or dark, remembered in this browser (public/theme-init.js applies it before paint).
  var THEME_KEY = "pm-theme";
  var switches = document.querySelectorAll("select[data-theme-switch]");
  var stored = function () {
    try {
      var value = localStorage.getItem(THEME_KEY);
      return value === "light" || value === "dark" ? value : "system";
    } catch {
      return "system";
    }
  };
  var showTheme = function () {
    var theme = stored();
    switches.forEach(function (select) {
      select.value = theme;
    });
  };
  switches.forEach(function (select) {
    select.addEventListener("change", function () {
      var next = select.value;
      try {
        if (next === "system") localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, next);
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
      var root = document.documentElement;
      root.classList.remove("light", "dark");
      if (next !== "system") root.classList.add(next);
      switches.forEach(function (other) {
        other.value = next;
      });
    });
  });
  window.addEventListener("storage", showTheme);
  window.addEventListener("pageshow", showTheme);
  showTheme();

  // The phone header's menu: its button opens it; Escape (focus back to the button) or a click
  // outside closes it.
  document.querySelectorAll("button[aria-controls][data-menu-button]").forEach(function (button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    var box = button.parentElement;
    if (!menu || !box) return;
    var setOpen = function (open) {
      menu.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    };
    button.addEventListener("click", function () {
      setOpen(menu.hidden);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || menu.hidden) return;
      setOpen(false);
      button.focus();
    });
    document.addEventListener("pointerdown", function (e) {
      if (!menu.hidden && !box.contains(e.target)) setOpen(false);
    });
  });
})();
