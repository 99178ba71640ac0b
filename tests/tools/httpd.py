#!/usr/bin/env python3
"""httpd.py — a small HTTP server for tests/t_fetch.sh.

Listens on 127.0.0.1 on an ephemeral port, prints the port on its first line
of standard output (so the test waits by reading it, not by sleeping), then
serves canned responses until killed:

  /page        the windows-1252 fixture, charset in the Content-Type
  /koi8        a KOI8-R page whose <meta> wrongly says UTF-8
  /moved       301 to /page          /loop    302 to itself, for ever
  /to-ftp      302 to an ftp: URL    /missing 404 with an HTML body
  /odd-redirect  302 to /page with raw latin1 and a space in the query
  /bad-redirect  302 to a URL with an ESC in it
  /error       500                   /doc.pdf application/pdf
  /image       image/png             /slow    HTML dripped a byte a second
  /gzip        the page gzip-encoded /bomb    gzip that expands past 64 MB
  /liar        Content-Length 100 MB /empty   200 with no body
  /plain-html  HTML as text/plain    /plain-text  words as text/plain
  /notype      HTML, no Content-Type /ua      a page quoting the User-Agent
  /gigabomb    gzip that expands to 4 GiB, streamed (tests/t_hostile.sh)
  /terabyte    Content-Length of a terabyte, then a few bytes

usage: httpd.py FIXTURE_DIR
"""
import gzip
import http.server
import os
import socketserver
import sys
import time

FIXTURES = sys.argv[1] if len(sys.argv) > 1 else "."


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def article(title, paragraphs):
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("<!DOCTYPE html>\n<html><head><title>%s</title></head><body>\n"
            "<article class=\"post hentry\"><h1 class=\"entry-title\">%s</h1>\n"
            "<div class=\"entry-content\">\n%s</div></article></body></html>\n"
            % (title, title, body))


KOI8 = article("Письмо из деревни", [
    "Утром над рекой стоял туман, и лодки у причала казались нарисованными.",
    "Сосед сказал, что такой туман бывает только в сентябре, и пошёл ставить самовар.",
    "К полудню туман ушёл, а самовар всё ещё шумел на крыльце.",
]).replace("<head>", "<head><meta charset=\"utf-8\">").encode("koi8-r")

PLAIN_HTML = article("Served as Plain Text", [
    "Some servers say text/plain for every file they do not recognise.",
    "A page is still a page, whatever label the server puts on it.",
    "So quire looks at the bytes when the label says nothing useful.",
]).encode()

_bomb = []


def bomb():
    """gzip of 65 MiB of markup-free spaces, made once (about 64 KB)."""
    if not _bomb:
        _bomb.append(gzip.compress(b"<p>" + b" " * (65 * 1024 * 1024), 9))
    return _bomb[0]


def gigabomb(wfile):
    """Stream a gzip body that expands to 4 GiB of spaces in about 4 MB:
    after a full flush deflate starts afresh, so every 1 MiB of spaces
    compresses to the same bytes, made once and written over and over."""
    import zlib
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1024 * 1024)
    first = z.compress(b"<html><body><p>" + chunk) + z.flush(zlib.Z_FULL_FLUSH)
    again = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    try:
        wfile.write(first)
        for _ in range(4096):
            wfile.write(again)
        wfile.write(z.flush())
    except (BrokenPipeError, ConnectionResetError):
        pass


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(code)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, code, where):
        self.send(code, b"<p>moved</p>", headers=[("Location", where)])

    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/page":
            self.send(200, fixture("cp1252-undeclared.html"), "text/html; charset=windows-1252")
        elif p == "/koi8":
            self.send(200, KOI8, "text/html; charset=KOI8-R")
        elif p == "/moved":
            self.redirect(301, "/page")
        elif p == "/odd-redirect":
            self.redirect(302, "/page?q=caf\u00e9 x")
        elif p == "/bad-redirect":
            self.redirect(302, "http://127.0.0.1:1/\x1b[1m")
        elif p == "/loop":
            self.redirect(302, "/loop")
        elif p == "/to-ftp":
            self.redirect(302, "ftp://127.0.0.1/page.html")
        elif p == "/missing":
            self.send(404, b"<html><body><h1>Not Found</h1><p>Nothing here.</p></body></html>")
        elif p == "/error":
            self.send(500, b"<p>oops</p>")
        elif p == "/doc.pdf":
            self.send(200, b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "application/pdf")
        elif p == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "image/png")
        elif p == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(120):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif p == "/gzip":
            body = gzip.compress(fixture("cp1252-undeclared.html"))
            self.send(200, body, "text/html; charset=windows-1252", [("Content-Encoding", "gzip")])
        elif p == "/bomb":
            self.send(200, bomb(), "text/html", [("Content-Encoding", "gzip")])
        elif p == "/liar":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(100 * 1024 * 1024))
            self.end_headers()
            self.wfile.write(b"<p>not nearly that long</p>")
            self.close_connection = True
        elif p == "/gigabomb":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Connection", "close")
            self.end_headers()
            gigabomb(self.wfile)
            self.close_connection = True
        elif p == "/terabyte":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(1024 ** 4))
            self.end_headers()
            try:
                self.wfile.write(b"<html><body><p>" + b"a terabyte, they said " * 100)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif p == "/empty":
            self.send(200, b"")
        elif p == "/plain-html":
            self.send(200, PLAIN_HTML, "text/plain; charset=utf-8")
        elif p == "/plain-text":
            self.send(200, b"Just words, no markup.\n", "text/plain")
        elif p == "/notype":
            self.send(200, PLAIN_HTML, None)
        elif p == "/ua":
            ua = self.headers.get("User-Agent", "none").replace("<", "")
            body = article("Who Is Asking", [
                "This page was fetched by a program that calls itself %s." % ua,
                "Servers log the name, and some of them decide what to send by it.",
                "A polite client says who it is and does not pretend to be a browser.",
            ]).encode()
            self.send(200, body)
        else:
            self.send(404, b"<p>no such test page</p>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients hanging up early is what several tests are about


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    sys.stdout.write("%d\n" % srv.server_address[1])
    sys.stdout.flush()
    sys.stdout.close()
    srv.serve_forever()


if __name__ == "__main__":
    main()
