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
  },
  // Enhanced navigation and enhanced form posts swap the page without loading scripts again: run fn after each.
  onEnhancedLoad: function (fn) {
    function listen() { if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', fn); } }
    if (window.Blazor && window.Blazor.addEventListener) { listen(); }
    else { document.addEventListener('DOMContentLoaded', listen); }
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

// A plain form posted back with errors arrives with its GOV.UK error summary marked autofocus (Components/Shared/ErrorSummary).
// The browser focuses it on a full page load; an enhanced form post only patches the page, so focus it here.
(function () {
  function focusSummary() {
    var summary = document.querySelector('.error-summary[autofocus]');
    if (summary && document.activeElement !== summary) { summary.focus(); }
  }
  window.eventHub.onEnhancedLoad(focusSummary);
})();

// The phone board (a static page) follows the board's change stream: on each change it fetches the page again and
// swaps in the fresh board, unless the person is filling in a form on it. Without script the board is as of page load.
(function () {
  var source = null;
  function refresh(live) {
    if (live.querySelector('form')) { return; }
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-board-live]');
        var current = document.querySelector('[data-board-live]');
        if (fresh && current && !current.querySelector('form')) {
          fresh.setAttribute('data-board-listening', '');
          current.replaceWith(fresh);
        }
      });
  }
  function follow() {
    var live = document.querySelector('[data-board-changes]');
    var url = live && live.getAttribute('data-board-changes');
    if (source && (!url || source.url.indexOf(url) < 0)) { source.close(); source = null; }
    if (!url || source || !window.EventSource) { return; }
    source = new EventSource(url);
    source.addEventListener('board', function (e) {
      var current = document.querySelector('[data-board-live]');
      if (!current) { return; }
      if (e.data === 'listening') { current.setAttribute('data-board-listening', ''); return; }
      refresh(current);
    });
  }
  document.addEventListener('DOMContentLoaded', follow);
  if (document.readyState !== 'loading') { follow(); }
  window.eventHub.onEnhancedLoad(follow);
  // The "now" line moves with the clock, not only with board changes: fetch the board again every minute.
  setInterval(function () { var current = document.querySelector('[data-board-live]'); if (current) { refresh(current); } }, 60000);
})();

// The facilitation board's "Next pitch" has one key, the right arrow (what a presenter's clicker sends), anywhere on
// the page except while typing in a field or scrolling a wide table.
document.addEventListener('keydown', function (e) {
  if (e.key !== 'ArrowRight' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) { return; }
  var button = document.querySelector('[data-pitch-advance]');
  var target = e.target instanceof Element ? e.target : null;
  if (!button || button.disabled || (target && target.closest('input, textarea, select, [contenteditable], .table-scroll'))) { return; }
  e.preventDefault();
  button.click();
});
