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

// No inline handlers (the Content-Security-Policy forbids them): error summary links and print buttons are wired here.
document.addEventListener('click', function (e) {
  var target = e.target instanceof Element ? e.target : null;
  var link = target && target.closest('a[data-focus-field]');
  if (link && !window.eventHub.focusField(link.getAttribute('data-focus-field'))) {
    e.preventDefault();
    return;
  }
  if (target && target.closest('[data-print]')) {
    window.print();
  }
});
