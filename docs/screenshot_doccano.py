"""Screenshot of a pre-annotated Polish sentence in doccano's annotation view (run by hand).

    uv run --with playwright==1.65.2 python docs/screenshot_doccano.py

Needs Debian's chromium (/usr/bin/chromium; playwright's own browser download is not
used). Starts a doccano server with a temporary data directory, pushes the Polish gold
sentences, logs in as an annotator created for the purpose, opens the annotation view of
one sentence and saves docs/doccano-annotation.png; then stops the server.
"""
from __future__ import annotations

import socket
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kosnlp.doccano import server as srv  # noqa: E402
from kosnlp.doccano.client import Doccano  # noqa: E402
from kosnlp.doccano.push import push  # noqa: E402
from kosnlp.gold import load_gold  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SENTENCE = "pl-essay-diplomacy-1999-0013"


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "doccano-annotation.png"
    with tempfile.TemporaryDirectory() as tmp:
        s = srv.Server(Path(tmp) / "data", ROOT / "services" / "doccano")
        with socket.socket() as so:
            so.bind(("127.0.0.1", 0))
            port = so.getsockname()[1]
        state = srv.serve(s, port=port)
        try:
            dc = Doccano(state["url"], "admin", srv.admin_password(s.data_dir)).login()
            gold = [r for r in load_gold(ROOT / "annotations" / "gold") if r["lang"] == "pl"]
            guideline = (ROOT / "annotations" / "GUIDELINES.md").read_text(encoding="utf-8")
            pid = push(dc, gold, "kosnlp", guideline).project_id
            dc.create_user("anna", "anna-screenshot-only")
            dc.add_member(pid, "anna", "annotator")
            page_no = 1 + [e["meta"]["sentence_id"] for e in dc.examples(pid)].index(SENTENCE)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
                page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="en-US")
                page.goto(f"{state['url']}/auth")
                page.fill("input[type=text]", "anna")
                page.fill("input[type=password]", "anna-screenshot-only")
                page.keyboard.press("Enter")
                page.wait_for_url("**/projects**")
                page.goto(f"{state['url']}/projects/{pid}")
                page.wait_for_load_state("networkidle")
                page.get_by_text("Start Annotation").click()
                page.wait_for_timeout(4000)
                # then to the sentence's page, by the route the pager buttons use
                page.evaluate(f"window.$nuxt.$router.push({{path: '/projects/{pid}/sequence-labeling', "
                              f"query: {{page: '{page_no}', q: '', isChecked: ''}}}})")
                page.wait_for_selector("text=PLACE", timeout=30000)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(1000)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            srv.stop(s)
    print(out)


if __name__ == "__main__":
    main()
