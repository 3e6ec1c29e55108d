// The offline door (/door/{token}/offline and the organiser's check-in/offline page), a static page brought to life
// here. "Prepare for offline" fetches the event's confirmed tickets as salted hashes (SHA-256 of salt, ':' and the
// code) with names and a needs flag, and keeps them in localStorage under the event ("eventhub-door-{eventId}").
// Every check-in is then decided on this device and queued; the queue is sent whenever the device is online (at once,
// when the connection returns, and every few seconds while anything waits). The server keeps the first time when two
// doors let the same ticket in and shows the organiser both. Nothing personal outlives the event's day: every page
// load removes prepared events whose day is over (after one last try to send their queue), and "Forget this device"
// removes this one at once.
(function () {
  var PREFIX = 'eventhub-door-';
  var RETRY_MS = 5000;

  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  function read(key) {
    var store = storage();
    try { return store ? JSON.parse(store.getItem(key) || 'null') : null; } catch (e) { return null; }
  }
  function write(key, value) {
    var store = storage();
    if (!store) { return false; }
    try { store.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function remove(key) { var store = storage(); if (store) { store.removeItem(key); } }

  async function hashOf(salt, code) {
    var bytes = new TextEncoder().encode(salt + ':' + code);
    var digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.prototype.map.call(digest, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  // "9:05am", as EventTime.FormatClock says it, on the event's wall clock.
  function clock(iso, zone) {
    var parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', minute: '2-digit', hour12: true })
      .formatToParts(new Date(iso));
    var get = function (type) { var p = parts.find(function (x) { return x.type === type; }); return p ? p.value : ''; };
    return get('hour') + ':' + get('minute') + get('dayPeriod').toLowerCase().replace(/\s|\./g, '');
  }

  function post(url, body) {
    var field = document.querySelector('[data-offline-door] input[name="__RequestVerificationToken"]');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': field ? field.value : '' },
      body: JSON.stringify(body),
    });
  }

  // Sends a prepared event's queue (at most the server's batch size at a time). Resolves to the updated state.
  async function sync(key, url) {
    var state = read(key);
    if (!state || !state.queue.length || navigator.onLine === false) { return state; }
    var batch = state.queue.slice(0, 200);
    var response = await post(url, { salt: state.pack.salt, checkIns: batch });
    var answer = await response.json().catch(function () { return {}; });
    state = read(key);
    if (!state) { return null; }
    if (!response.ok) { state.problem = answer.message || 'The server did not take the check-ins'; write(key, state); return state; }
    var sent = {};
    batch.forEach(function (c) { sent[c.hash + '@' + c.checkedInUtc] = true; });
    state.queue = state.queue.filter(function (c) { return !sent[c.hash + '@' + c.checkedInUtc]; });
    (answer.items || []).forEach(function (item) {
      if (item.status === 'Conflict') { state.conflicts += 1; }
      if (item.status === 'NotValid') { state.refused += 1; }
    });
    state.syncedUtc = new Date().toISOString();
    state.problem = null;
    write(key, state);
    return state;
  }

  // Whatever page is opened: prepared events whose day is over are sent one last time, then forgotten.
  async function forgetPastDays() {
    var store = storage();
    if (!store) { return; }
    var keys = [];
    for (var i = 0; i < store.length; i++) { if (store.key(i).indexOf(PREFIX) === 0) { keys.push(store.key(i)); } }
    for (var k = 0; k < keys.length; k++) {
      var state = read(keys[k]);
      if (state && state.pack && Date.now() < Date.parse(state.pack.forgetAfterUtc)) { continue; }
      if (state && state.syncUrl) { try { await sync(keys[k], state.syncUrl); } catch (e) { /* the day is over either way */ } }
      remove(keys[k]);
    }
  }

  function setup() {
    var root = document.querySelector('[data-offline-door]');
    if (!root || root.hasAttribute('data-offline-ready')) { return; }
    var key = PREFIX + root.getAttribute('data-event-id');
    var syncUrl = root.getAttribute('data-sync-url');
    var status = root.querySelector('[data-offline-status]');
    var form = root.querySelector('[data-offline-form]');
    var field = form.querySelector('input');
    var result = root.querySelector('[data-offline-result]');
    var prepare = root.querySelector('[data-offline-prepare]');
    var forget = root.querySelector('[data-offline-forget]');
    var byHash = null;
    var syncing = false;
    var forgetArmed = false;

    function say(text) { status.textContent = text; }
    function show() {
      var state = read(key);
      form.hidden = !state;
      forget.disabled = !state;
      if (!state) { byHash = null; say('This device is not prepared: it needs a connection to check people in.'); return; }
      if (!byHash) {
        byHash = {};
        state.pack.tickets.forEach(function (t) { byHash[t.hash] = t; });
      }
      var zone = state.pack.timeZoneId;
      var waiting = state.queue.length;
      var text;
      if (navigator.onLine === false) {
        text = 'Offline — ' + waiting + ' waiting to sync';
      } else if (waiting > 0) {
        text = state.problem ? 'Online — ' + waiting + ' waiting to sync. ' + state.problem : 'Online — syncing ' + waiting + '…';
      } else if (state.syncedUtc) {
        text = 'Online — all check-ins synced at ' + clock(state.syncedUtc, zone);
      } else {
        var inRoom = state.pack.tickets.filter(function (t) { return !t.online; }).length;
        text = 'Online — prepared for offline at ' + clock(state.pack.preparedUtc, zone) + ' with ' + inRoom + (inRoom === 1 ? ' ticket' : ' tickets');
      }
      if (state.conflicts > 0) { text += '. ' + state.conflicts + ' also checked in at another door: the organiser can see both'; }
      if (state.refused > 0) { text += '. ' + state.refused + ' not valid after all'; }
      say(text);
    }

    async function trySync() {
      if (syncing) { return; }
      syncing = true;
      try { await sync(key, syncUrl); } catch (e) { /* offline after all: the queue waits */ } finally { syncing = false; }
      show();
    }

    function answer(kind, headline, lines) {
      result.className = 'checkin-result checkin-result--' + kind;
      result.textContent = '';
      var h = document.createElement('p');
      h.className = 'checkin-result__headline';
      h.setAttribute('data-testid', 'offline-result-text');
      h.textContent = headline;
      result.appendChild(h);
      lines.forEach(function (line) {
        if (!line) { return; }
        var p = document.createElement('p');
        p.textContent = line;
        result.appendChild(p);
      });
      result.hidden = false;
    }

    prepare.addEventListener('click', async function () {
      forgetArmed = false;
      if (!window.crypto || !crypto.subtle) { say('This browser cannot keep tickets safely here: use the online door.'); return; }
      say('Preparing…');
      try {
        var response = await fetch(root.getAttribute('data-pack-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
        var answerBody = await response.json().catch(function () { return {}; });
        if (!response.ok) { say('Not prepared: ' + (answerBody.message || 'the server refused')); return; }
        // Check-ins still waiting from an earlier preparation carry its salt: they are sent before it is replaced.
        var old = await sync(key, syncUrl);
        if (old && old.queue.length) { show(); say(old.queue.length + ' check-ins are still waiting to sync: connect and try again before preparing anew.'); return; }
        var state = {
          pack: answerBody.pack, unknown: answerBody.unknownCode, online: answerBody.onlinePlace, syncUrl: syncUrl,
          queue: [], seen: {}, syncedUtc: null, conflicts: 0, refused: 0, problem: null,
        };
        if (!write(key, state)) { say('Not prepared: this browser would not keep the list (storage is full or blocked).'); return; }
        byHash = null;
        show();
        field.focus();
      } catch (e) {
        say('Not prepared: this device needs a connection to prepare. Try again when online.');
      }
    });

    forget.addEventListener('click', async function () {
      var state = read(key);
      if (!state) { show(); return; }
      if (state.queue.length && navigator.onLine !== false) { await trySync(); state = read(key); }
      if (state && state.queue.length && !forgetArmed) {
        forgetArmed = true;
        say(state.queue.length + ' check-ins have not been sent yet. Press “Forget this device” again to forget them anyway.');
        return;
      }
      forgetArmed = false;
      remove(key);
      byHash = null;
      result.hidden = true;
      show();
      say('Forgotten: this device keeps nothing about this event’s people.');
    });

    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      var code = field.value.trim();
      field.value = '';
      field.focus();
      var state = read(key);
      if (!state || !code) { show(); return; }
      var hash = await hashOf(state.pack.salt, code);
      var ticket = byHash && byHash[hash];
      var zone = state.pack.timeZoneId;
      if (!ticket) {
        answer('error', state.unknown, ['This device knows the tickets as of ' + clock(state.pack.preparedUtc, zone) + ': check anyone booked since on the printed list.']);
        return;
      }
      var who = ticket.name + (ticket.organisation ? ', ' + ticket.organisation : '');
      var needs = ticket.needsAttention ? 'Needs attention: ask the organiser’s team' : null;
      var ticketLine = ticket.ticketType ? 'Ticket: ' + ticket.ticketType : null;
      if (ticket.online) {
        // An online place never comes through the door: the same refusal the online door gives, with its reason.
        answer('error', state.online || 'Not valid at the door: this is an online place', [who, ticketLine]);
        return;
      }
      if (state.seen[hash] || ticket.checkedIn) {
        var when = state.seen[hash] ? 'At ' + clock(state.seen[hash], zone) + ' on this device' : 'Before this device was prepared';
        answer('warning', 'Already checked in', [who, ticketLine, needs, when]);
        return;
      }
      var at = new Date().toISOString();
      state.seen[hash] = at;
      state.queue.push({ hash: hash, checkedInUtc: at });
      write(key, state);
      answer('ok', navigator.onLine === false ? 'Checked in (offline)' : 'Checked in', [who, ticketLine, needs]);
      show();
      trySync();
    });

    window.addEventListener('online', trySync);
    window.addEventListener('offline', show);
    setInterval(function () { if (navigator.onLine !== false && (read(key) || { queue: [] }).queue.length) { trySync(); } }, RETRY_MS);

    root.setAttribute('data-offline-ready', '');
    show();
    trySync();
  }

  function start() { forgetPastDays().then(setup, setup); }
  document.addEventListener('DOMContentLoaded', start);
  if (document.readyState !== 'loading') { start(); }
  if (window.eventHub && window.eventHub.onEnhancedLoad) { window.eventHub.onEnhancedLoad(start); }
})();
