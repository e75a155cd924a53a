/*
 * Photonik Karriere – a little progressive enhancement (loaded with `defer`).
 *
 * Every page works without this file: the navigation is a plain list, the filters are a plain
 * form and printing works from the browser's menu. Nothing here submits a form on its own
 * (WCAG 3.2.2): the sort <select> on /jobs keeps its submit button.
 *
 *   1. mobile navigation toggle (button.site-nav__toggle, hidden until shown here)
 *   2. print links (a.js-print, hidden until shown here)
 *   3. collapsible filter panel on small screens (/jobs)
 */
(function () {
  "use strict";

  var SMALL_NAV = "(max-width: 63.99em)";  /* keep in step with portal.css */
  var SMALL_LAYOUT = "(max-width: 55.99em)";

  function onChange(query, handler) {
    if (query.addEventListener) {
      query.addEventListener("change", handler);
    } else if (query.addListener) {
      query.addListener(handler);
    }
  }

  /* 1. Navigation: on small screens the list folds away behind the "Menu" button. */
  function initNavigation() {
    var toggle = document.querySelector(".site-nav__toggle");
    if (!toggle || !window.matchMedia) {
      return;
    }
    var list = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!list) {
      return;
    }
    var nav = toggle.parentNode;
    var small = window.matchMedia(SMALL_NAV);

    function isOpen() {
      return toggle.getAttribute("aria-expanded") === "true";
    }

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      list.hidden = !open;
    }

    function update() {
      if (small.matches) {
        toggle.hidden = false;
        setOpen(false);
      } else {
        toggle.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        list.hidden = false;
      }
    }

    toggle.addEventListener("click", function () {
      setOpen(!isOpen());
    });

    /* Escape closes the open menu and returns focus to its button. */
    nav.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && small.matches && isOpen()) {
        setOpen(false);
        toggle.focus();
      }
    });

    /* A click or focus outside the navigation closes the menu. */
    document.addEventListener("click", function (event) {
      if (small.matches && isOpen() && !nav.contains(event.target)) {
        setOpen(false);
      }
    });
    document.addEventListener("focusin", function (event) {
      if (small.matches && isOpen() && !nav.contains(event.target)) {
        setOpen(false);
      }
    });

    onChange(small, update);
    update();
  }

  /* 2. Print links: shown only where this script can print. */
  function initPrint() {
    if (typeof window.print !== "function") {
      return;
    }
    var links = document.querySelectorAll(".js-print");
    Array.prototype.forEach.call(links, function (link) {
      link.hidden = false;
      link.setAttribute("role", "button");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
      });
      /* It acts as a button now, so Space works as well as Enter. */
      link.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          window.print();
        }
      });
    });
  }

  /* 3. Filters on /jobs: on small screens the heading becomes a disclosure button, so the
   *    results are not pushed far down. The panel starts closed; the button shows how many
   *    filters are active. On wide screens everything is as in the markup. */
  function initFilters() {
    var heading = document.getElementById("filters-heading");
    var form = document.getElementById("filter-form");
    if (!heading || !form || !window.matchMedia) {
      return;
    }
    var small = window.matchMedia(SMALL_LAYOUT);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filters__toggle";
    button.setAttribute("aria-controls", form.id);
    button.setAttribute("aria-expanded", "false");

    var active = form.querySelectorAll("input[type=checkbox]:checked").length;
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      if (select.value) {
        active += 1;
      }
    });

    function enhance() {
      if (button.parentNode === heading) {
        return;
      }
      while (heading.firstChild) {
        button.appendChild(heading.firstChild);
      }
      if (active) {
        var count = document.createElement("span");
        count.className = "filters__count";
        count.textContent = String(active);
        button.appendChild(count);
      }
      heading.appendChild(button);
      button.setAttribute("aria-expanded", "false");
      form.hidden = true;
    }

    function restore() {
      if (button.parentNode !== heading) {
        return;
      }
      var count = button.querySelector(".filters__count");
      if (count) {
        button.removeChild(count);
      }
      while (button.firstChild) {
        heading.appendChild(button.firstChild);
      }
      heading.removeChild(button);
      form.hidden = false;
    }

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      form.hidden = !open;
    });

    function update() {
      if (small.matches) {
        enhance();
      } else {
        restore();
      }
    }

    onChange(small, update);
    update();
  }

  function init() {
    initNavigation();
    initPrint();
    initFilters();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/*
 * Accounts: on the sign-up form only the part for the chosen way shows — a new organisation or
 * one already on the portal (fieldset[data-organisation-mode]). Without this file both parts
 * show and the radio buttons decide which one counts.
 */
(function () {
  "use strict";

  function initOrganisationMode() {
    var radios = document.querySelectorAll('input[type="radio"][name="organisation_mode"]');
    var groups = document.querySelectorAll("fieldset[data-organisation-mode]");
    if (!radios.length || !groups.length) {
      return;
    }

    function update() {
      var chosen = "";
      Array.prototype.forEach.call(radios, function (radio) {
        if (radio.checked) {
          chosen = radio.value;
        }
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = chosen !== "" && group.getAttribute("data-organisation-mode") !== chosen;
      });
    }

    Array.prototype.forEach.call(radios, function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initOrganisationMode);
  } else {
    initOrganisationMode();
  }
})();

/*
 * Employer area: the German and English texts of the posting form as tabs. Without this file
 * both fieldsets show one below the other and the links above them jump to each. A panel
 * with an error opens first; hidden panels are still sent with the form.
 */
(function () {
  "use strict";

  function initLanguageTabs() {
    var nav = document.querySelector(".lang-tabs");
    if (!nav) {
      return;
    }
    var links = nav.querySelectorAll('a[href^="#"]');
    var panels = [];
    Array.prototype.forEach.call(links, function (link) {
      var panel = document.getElementById(link.getAttribute("href").slice(1));
      if (panel) {
        panels.push({ link: link, panel: panel });
      }
    });
    if (panels.length < 2) {
      return;
    }

    function show(chosen) {
      panels.forEach(function (item) {
        var active = item === chosen;
        item.panel.hidden = !active;
        if (active) {
          item.link.setAttribute("aria-current", "true");
        } else {
          item.link.removeAttribute("aria-current");
        }
      });
    }

    panels.forEach(function (item) {
      item.link.addEventListener("click", function (event) {
        event.preventDefault();
        show(item);
        var first = item.panel.querySelector("input, textarea, select");
        if (first) {
          first.focus();
        }
      });
    });
    var withError = panels.filter(function (item) {
      return item.panel.querySelector(".field--error");
    });
    show(withError[0] || panels[0]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initLanguageTabs);
  } else {
    initLanguageTabs();
  }
})();
