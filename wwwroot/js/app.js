// Small helpers used by EventHub pages. No third-party scripts, no outside hosts.
window.eventHub = {
  // GOV.UK error summary links move focus to the field, not just scroll to it.
  focusField: function (id) {
    var el = document.getElementById(id);
    if (!el) { return true; }
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return false;
  },
  focusElement: function (selector) {
    var el = document.querySelector(selector);
    if (el) { el.focus(); }
  }
};
