/* The ESCO skill picker (templates/esco/_skill_picker.html): turns the textarea of URIs
   into a search box with result buttons and removable chips, once HTMX is there.
   Event delegation on the document: one listener set however many pickers a page has. */
(function () {
  "use strict";
  if (window.escoSkillPicker) { return; }
  window.escoSkillPicker = true;

  function say(picker, text) {
    var status = picker.querySelector("[data-esco-status]");
    if (status) { status.textContent = text; }
  }

  function changed(picker) {  // a form around it (the design studio's) hears a change
    picker.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function fieldName(picker) {
    return picker.querySelector("[data-esco-fallback] textarea").getAttribute("data-name");
  }

  function enhance(root) {
    if (!window.htmx) { return; }  // no HTMX: the textarea stays
    root.querySelectorAll("[data-esco-picker]:not([data-esco-ready])").forEach(function (picker) {
      var textarea = picker.querySelector("[data-esco-fallback] textarea");
      textarea.setAttribute("data-name", textarea.name);
      textarea.disabled = true;  // not posted: the chips' inputs are
      picker.querySelector("[data-esco-fallback]").hidden = true;
      picker.querySelector("[data-esco-enhanced]").hidden = false;
      picker.querySelectorAll("[data-esco-chips] input").forEach(function (i) { i.disabled = false; });
      picker.querySelector("label").setAttribute("for", picker.querySelector("[data-esco-input]").id);
      picker.setAttribute("data-esco-ready", "");
    });
  }

  function addChip(picker, uri, label, name) {
    var chips = picker.querySelector("[data-esco-chips]");
    var taken = Array.prototype.some.call(chips.querySelectorAll("input"), function (i) { return i.value === uri; });
    var status = picker.querySelector("[data-esco-status]");
    if (taken) { say(picker, status.getAttribute("data-added") + " " + label); return; }
    var li = document.createElement("li");
    li.className = "esco-chip";
    var span = name ? name.cloneNode(true) : document.createElement("span");
    if (!name) { span.textContent = label; }
    var input = document.createElement("input");
    input.type = "hidden"; input.name = fieldName(picker); input.value = uri;
    var button = document.createElement("button");
    button.type = "button"; button.className = "link"; button.textContent = "\u00d7";
    button.setAttribute("data-esco-remove", "");
    button.setAttribute("aria-label", status.getAttribute("data-remove") + ": " + label);
    li.append(span, input, button);
    chips.appendChild(li);
    say(picker, status.getAttribute("data-added") + " " + label);
    changed(picker);
  }

  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-esco-picker] .esco-option");
    var remove = event.target.closest("[data-esco-picker] [data-esco-remove]");
    if (option) {
      var picker = option.closest("[data-esco-picker]");
      addChip(picker, option.getAttribute("data-esco-uri"), option.getAttribute("data-esco-label"),
              option.querySelector(".esco-name"));
      option.focus();
    } else if (remove) {
      var p = remove.closest("[data-esco-picker]");
      var chip = remove.closest(".esco-chip");
      var text = chip.querySelector("[data-esco-remove]").getAttribute("aria-label");
      chip.remove();
      changed(p);
      say(p, p.querySelector("[data-esco-status]").getAttribute("data-removed") + " " +
          text.slice(text.indexOf(":") + 1).trim());
      p.querySelector("[data-esco-input]").focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    var picker = event.target.closest && event.target.closest("[data-esco-picker]");
    if (!picker) { return; }
    var options = Array.prototype.slice.call(picker.querySelectorAll(".esco-option"));
    var input = picker.querySelector("[data-esco-input]");
    var at = options.indexOf(event.target);
    if (event.key === "ArrowDown" && (event.target === input || at >= 0) && options.length) {
      event.preventDefault();
      options[Math.min(at + 1, options.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : options[at - 1]).focus();
    } else if (event.key === "Escape" && at >= 0) {
      event.preventDefault();
      input.focus();
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();  // the box does not submit the form around it
    }
  });

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
  if (document.readyState !== "loading") { enhance(document); }
})();
