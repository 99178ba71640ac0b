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

For tests/t_cited.sh, files of FIXTURE_DIR by name:
  /cited/NAME           the file, typed by its extension (404 if absent)
  /cited-redirect/NAME  302 to /cited/NAME
  /cited-as-pdf/NAME    the file, but as application/pdf
  /cited-slow/NAME      the file after 60 s (held open for an interrupt)
  /cited-pair/NAME      the file, once two such requests have been open at
                        once (or after 5 s); /cited-most says how many were
                        ever open at once, to check a client's bound
and for tests/t_feed.sh (run with tests/fixtures/blog):
  /blog/feed/?paged=N   FIXTURE_DIR/feed-page-N.xml (N defaults to 1), else 404
  /blog/same/feed/      feed-page-1.xml whatever the page asked for
  /blog/post/NAME       FIXTURE_DIR/post-NAME.html

usage: httpd.py FIXTURE_DIR
"""
import gzip
import http.server
import os
import socketserver
import sys
import threading
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

# /cited-pair: requests open now, and the most ever open at once.
_pair = {"open": 0, "most": 0}
_pair_cond = threading.Condition()


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

    def cited(self, p):
        """The /cited* routes; False when p is not one of them."""
        route, _, name = p[1:].partition("/")
        if not route.startswith("cited") or "/" in name or name.startswith("."):
            return False
        path = os.path.join(FIXTURES, name)
        if route == "cited-redirect":
            self.redirect(302, "/cited/" + name)
            return True
        if route == "cited-most" and not name:
            self.send(200, str(_pair["most"]).encode(), "text/plain")
            return True
        if route == "cited-pair":
            with _pair_cond:
                _pair["open"] += 1
                _pair["most"] = max(_pair["most"], _pair["open"])
                _pair_cond.notify_all()
                _pair_cond.wait_for(lambda: _pair["most"] >= 2, timeout=5)
            # Stay open a little longer, so requests a client started
            # together are all counted together.
            time.sleep(0.3)
            with _pair_cond:
                # Closed before the reply, so a client that starts another
                # request on seeing it is never counted twice.
                _pair["open"] -= 1
            route = "cited"
        if route not in ("cited", "cited-as-pdf", "cited-slow"):
            return False
        if not os.path.isfile(path):
            self.send(404, b"<html><body><h1>Not Found</h1><p>Gone.</p></body></html>")
            return True
        if route == "cited-slow":
            time.sleep(60)
        if route == "cited-as-pdf":
            ctype = "application/pdf"
        elif name.endswith(".pdf"):
            ctype = "application/pdf"
        else:
            ctype = "text/html; charset=utf-8"
        try:
            self.send(200, fixture(name), ctype)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        return True

    def do_GET(self):
        p = self.path.split("?")[0]
        if self.cited(p):
            pass
        elif p == "/page":
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
        elif p.startswith("/blog/"):
            self.blog(p)
        else:
            self.send(404, b"<p>no such test page</p>")

    def blog(self, p):
        """The paginated WordPress-style feed and the pages it links to."""
        query = self.path.split("?", 1)[1] if "?" in self.path else ""
        params = dict(kv.split("=", 1) for kv in query.split("&") if "=" in kv)
        page = params.get("paged", "1")
        if p == "/blog/same/feed/":
            page = "1"
        if p in ("/blog/feed/", "/blog/same/feed/") and page.isdigit():
            name = "feed-page-%s.xml" % page
            if os.path.exists(os.path.join(FIXTURES, name)):
                self.send(200, fixture(name), "application/rss+xml; charset=UTF-8")
                return
        elif p.startswith("/blog/post/") and p[11:].isalnum():
            name = "post-%s.html" % p[11:]
            if os.path.exists(os.path.join(FIXTURES, name)):
                self.send(200, fixture(name))
                return
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
