// Camera scanning for the check-in page. Decoding happens here in the browser with the BarcodeDetector API;
// where a browser lacks it, the ticket-code text field (which also takes handheld scanner input) still works.
window.eventHubCheckIn = (() => {
    let stream = null;
    let timer = null;
    let dotnet = null;
    let last = '';
    let lastAt = 0;

    function status(text) {
        const el = document.getElementById('checkin-camera-status');
        if (el) { el.textContent = text; }
    }

    async function start() {
        if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) {
            status('This browser cannot read QR codes with the camera. Type or scan the code into the field instead.');
            return;
        }
        const video = document.getElementById('checkin-camera');
        const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        try {
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        } catch (e) {
            status('The camera could not be opened. Type or scan the code into the field instead.');
            return;
        }
        video.srcObject = stream;
        video.hidden = false;
        await video.play();
        status('Camera on. Hold a ticket QR code in view.');
        timer = setInterval(async () => {
            if (video.readyState < 2) { return; }
            try {
                const codes = await detector.detect(video);
                if (codes.length === 0) { return; }
                const value = codes[0].rawValue;
                const now = Date.now();
                // The same ticket stays in view for a while: report it once every few seconds, not every frame.
                if (value === last && now - lastAt < 3000) { return; }
                last = value;
                lastAt = now;
                await dotnet?.invokeMethodAsync('ScannedAsync', value);
            } catch (e) { /* a frame that cannot be read */ }
        }, 250);
    }

    function stop() {
        clearInterval(timer);
        timer = null;
        stream?.getTracks().forEach(t => t.stop());
        stream = null;
    }

    return {
        attach(ref) {
            dotnet = ref;
            document.getElementById('checkin-camera-start')?.addEventListener('click', start);
            document.getElementById('checkin-code')?.focus();
        },
        detach() { stop(); dotnet = null; }
    };
})();
