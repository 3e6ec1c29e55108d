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

// A form marked data-submit-once (confirming a booking) is not sent twice by a double click. Runs before Blazor's
// enhanced-form handler (capture phase). The mark lapses after a few seconds so a send lost to the network can be retried.
document.addEventListener('submit', function (e) {
  var form = e.target instanceof HTMLFormElement ? e.target : null;
  if (!form || !form.hasAttribute('data-submit-once')) { return; }
  var sent = Number(form.getAttribute('data-sent-at') || 0);
  if (Date.now() - sent < 3000) {
    e.preventDefault();
    e.stopImmediatePropagation();
    return;
  }
  form.setAttribute('data-sent-at', String(Date.now()));
}, true);
