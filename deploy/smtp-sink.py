#!/usr/bin/env python3
"""A loopback SMTP sink for deploy/ scripts: accepts every message and appends one line per message to a log,
"<Message-ID>\t<recipient>", so a script can count deliveries per message id. Usage: smtp-sink.py <port> <log file>"""
import re
import socketserver
import sys
import threading

PORT, LOG = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 sink ESMTP")
        rcpt = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("utf-8", "replace").strip()
            upper = verb.upper()
            if upper.startswith(("EHLO", "HELO")):
                self.reply("250 sink")
            elif upper.startswith("MAIL FROM"):
                rcpt = []
                self.reply("250 OK")
            elif upper.startswith("RCPT TO"):
                rcpt.append(verb[8:].strip(" <>"))
                self.reply("250 OK")
            elif upper == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                message_id = ""
                in_headers = True
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    text = data.decode("utf-8", "replace")
                    if in_headers and text.strip() == "":
                        in_headers = False
                    elif in_headers and not message_id:
                        found = re.match(r"(?i)message-id:\s*(\S+)", text)
                        if found:
                            message_id = found.group(1)
                with lock, open(LOG, "a", encoding="utf-8") as log:
                    log.write(f"{message_id}\t{','.join(rcpt)}\n")
                self.reply("250 OK queued")
            elif upper == "QUIT":
                self.reply("221 Bye")
                return
            elif upper in ("RSET", "NOOP"):
                self.reply("250 OK")
            else:
                self.reply("502 Command not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("127.0.0.1", PORT), Session) as server:
    server.serve_forever()
