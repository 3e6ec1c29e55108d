// Camera scanning for the check-in page. Decoding happens here in the browser: with the BarcodeDetector API where
// the browser has it, otherwise with the vendored jsQR (js/vendor/jsQR.js, loaded only then). Only the decoded code
// goes to the server. The ticket-code text field (which also takes handheld scanner input) always works.
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

    function loadJsQr() {
        if (window.jsQR) { return Promise.resolve(true); }
        return new Promise(resolve => {
            const script = document.createElement('script');
            script.src = 'js/vendor/jsQR.js';
            script.onload = () => resolve(!!window.jsQR);
            script.onerror = () => resolve(false);
            document.head.appendChild(script);
        });
    }

    // A decoder: (video) => Promise<string|null>.
    async function makeDecoder(video) {
        if ('BarcodeDetector' in window) {
            try {
                const formats = await window.BarcodeDetector.getSupportedFormats();
                if (formats.includes('qr_code')) {
                    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
                    return async () => {
                        const codes = await detector.detect(video);
                        return codes.length > 0 ? codes[0].rawValue : null;
                    };
                }
            } catch (e) { /* fall through to jsQR */ }
        }
        if (!(await loadJsQr())) { return null; }
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        return async () => {
            const w = video.videoWidth;
            const h = video.videoHeight;
            if (!w || !h) { return null; }
            canvas.width = w;
            canvas.height = h;
            context.drawImage(video, 0, 0, w, h);
            const image = context.getImageData(0, 0, w, h);
            const found = window.jsQR(image.data, w, h, { inversionAttempts: 'dontInvert' });
            return found ? found.data : null;
        };
    }

    async function start() {
        if (stream) { return; }
        if (!navigator.mediaDevices?.getUserMedia) {
            status('This browser cannot use the camera here. Type or scan the code into the field instead.');
            return;
        }
        const video = document.getElementById('checkin-camera');
        const decode = await makeDecoder(video);
        if (!decode) {
            status('This browser cannot read QR codes with the camera. Type or scan the code into the field instead.');
            return;
        }
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
        let busy = false;
        timer = setInterval(async () => {
            if (busy || video.readyState < 2) { return; }
            busy = true;
            try {
                const value = await decode();
                if (!value) { return; }
                const now = Date.now();
                // The same ticket stays in view for a while: report it once every few seconds, not every frame.
                if (value === last && now - lastAt < 3000) { return; }
                last = value;
                lastAt = now;
                await dotnet?.invokeMethodAsync('ScannedAsync', value);
            } catch (e) { /* a frame that cannot be read */ } finally { busy = false; }
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
