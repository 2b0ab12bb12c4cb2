#!/usr/bin/env python3
"""Manual SIGTERM check of the real jar (docs/operations.md, "Graceful shutdown").

Run from the repository root after ./mvnw -pl gateway package:
    python3 gateway/src/test/resources/ops/sigterm-check.py
Starts the gateway, holds a verify request in flight (headers and part of the body sent), sends SIGTERM,
checks that the listener is closed at once, then completes the request and checks it is answered, and
that the process exits (143 = 128 + SIGTERM) within the grace period.
"""
import json, os, signal, socket, subprocess, time

PORT = 18481
JAR = "gateway/target/gateway.jar"
code = subprocess.run(["java", "-jar", JAR, "mint", "--key", "config/demo/330100.key", "--issuer", "330100",
                       "--subject", "s-demo-1"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
env = dict(os.environ, HC_HTTP_PORT=str(PORT), HC_HTTP_HOST="127.0.0.1")
t0 = time.time()
jar = subprocess.Popen(["java", "-jar", JAR, "serve", "--demo"], env=env, stdout=open("/tmp/hc-sigterm.log", "w"),
                       stderr=subprocess.STDOUT)


def get(path):
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=2)
        s.sendall(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode())
        data = s.recv(4096).decode()
        s.close()
        return data.split("\r\n")[0]
    except OSError as e:
        return "error: %s" % e.__class__.__name__


while not get("/health/ready").startswith("HTTP/1.1 200"):
    time.sleep(0.2)
print("ready after %.1f s" % (time.time() - t0))
body = json.dumps({"code": code, "scene": "airport"}).encode()
s = socket.create_connection(("127.0.0.1", PORT), timeout=20)
s.sendall(b"POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
          % len(body) + body[:40])
time.sleep(0.3)
print("in flight: headers + 40 of %d body bytes sent; SIGTERM" % len(body))
t1 = time.time()
jar.send_signal(signal.SIGTERM)
time.sleep(0.3)
print("0.3 s after SIGTERM, new connection GET /health/ready ->", get("/health/ready"))
time.sleep(0.2)
s.sendall(body[40:])
resp = s.recv(4096).decode()
print("0.5 s after SIGTERM, the in-flight request completes ->", resp.split("\r\n")[0],
      resp.split("\r\n\r\n", 1)[1][:60])
rc = jar.wait(30)
print("exit code %d, %.1f s after SIGTERM; log in /tmp/hc-sigterm.log" % (rc, time.time() - t1))
