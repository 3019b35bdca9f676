#!/usr/bin/env python3
"""The page of `redraft serve` in headless Chromium, driven through WebDriver
(Debian's chromium-driver, Python selenium): run by tests/integration/serve/
browser.rs, which starts the server and gives its address.

Usage: browser.py URL ROOT SHARED WORKDIR SCREENSHOT
Exits 0 when every check holds; otherwise prints what failed and exits 1.
Each check prints one line, so that a failure says where it stood.
"""

import json
import os
import re
import sys
import time
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

URL, ROOT, SHARED, WORK, SHOT = [sys.argv[1]] + [os.path.realpath(a) for a in sys.argv[2:6]]
DOWNLOADS = os.path.join(WORK, "downloads")
os.makedirs(DOWNLOADS, exist_ok=True)


def driver():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + os.path.join(WORK, "profile")]:
        options.add_argument(arg)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.add_experimental_option("prefs", {
        "download.default_directory": DOWNLOADS,
        "download.prompt_for_download": False,
    })
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    d = webdriver.Chrome(options=options, service=service)
    d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": DOWNLOADS})
    return d


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        raise SystemExit(1)


def wait_state(d, states, seconds=120):
    """Waits for the page's data-state to be one of `states`; returns it."""
    end = time.time() + seconds
    while time.time() < end:
        state = d.execute_script("return document.body.dataset.state")
        if state in states:
            return state
        time.sleep(0.1)
    message = d.find_element(By.ID, "message").text
    raise SystemExit(f"FAIL the page stayed '{state}' (message: {message!r})")


def upload(d, old, new):
    d.execute_script("document.body.dataset.state = 'empty'")
    d.find_element(By.ID, "old-input").send_keys(old)
    d.find_element(By.ID, "new-input").send_keys(new)
    return wait_state(d, {"ready", "error"})


def in_frame(d, script):
    """Runs `script` with `doc` bound to the redline frame's document."""
    return d.execute_script(
        "const doc = document.getElementById('redline').contentDocument;" + script)


def cooperation(d):
    state = upload(d, os.path.join(ROOT, "drafts/cooperation-2020.txt"),
                   os.path.join(ROOT, "drafts/cooperation-2021.txt"))
    check(state == "ready", "the shipped cooperation drafts are compared")
    for label in ["OP16", "OP22"]:
        classes = in_frame(d, f"const u = doc.getElementById('{label}'); return u ? u.className : '';")
        check("inserted" in classes.split(), f"{label} is shown inserted ({classes!r})")
    op25 = in_frame(d, "return doc.getElementById('OP25').textContent;")
    # The drafts are French: "formerly 23" reads "ancien 23".
    check(re.match(r"\s*25\.\s*\(ancien 23\)", op25) is not None, f"25 (formerly 23): {op25[:40]!r}")
    summary = d.find_element(By.ID, "summary").text
    check(bool(summary.strip()), f"the summary line: {summary!r}")
    table = in_frame(d, "const t = doc.querySelector('.renumbering'); return t ? t.textContent : '';")
    check("23" in table and "25" in table, "the renumbering table is in the page")
    count = int(d.find_element(By.ID, "findings-count").text)
    beside = in_frame(d, "return doc.querySelectorAll('.unit > aside.redraft-finding').length;")
    check(count > 0 and beside > 0, f"check's findings ({count}) stand beside their paragraphs ({beside})")
    return count


def navigation(d):
    d.find_element(By.ID, "filter-changed").click()
    hidden = in_frame(d, "return Array.from(doc.querySelectorAll('main .unit')).filter(u => getComputedStyle(u).display === 'none').length;")
    unchanged = in_frame(d, "return doc.querySelectorAll('main .unit:not(.changed):not(.has-finding)').length;")
    check(hidden == unchanged and hidden > 0, f"changed only hides the {unchanged} unchanged units")
    d.find_element(By.ID, "filter-all").click()
    check(in_frame(d, "return Array.from(doc.querySelectorAll('main .unit')).every(u => getComputedStyle(u).display !== 'none');"),
          "all shows every unit again")
    key = lambda k: ActionChains(d).send_keys(k).perform()
    d.find_element(By.ID, "summary").click()
    key("n")
    first = in_frame(d, "const c = doc.querySelector('.current'); return c ? c.id : null;")
    key("n")
    second = in_frame(d, "const c = doc.querySelector('.current'); return c ? c.id : null;")
    key("p")
    back = in_frame(d, "const c = doc.querySelector('.current'); return c ? c.id : null;")
    check(first and second and first != second and back == first, f"n and p walk the changes ({first} → {second} → {back})")
    d.find_element(By.ID, "view-sbs").click()
    rows = in_frame(d, "const s = doc.getElementById('redraft-sbs'); return getComputedStyle(s).display === 'block' ? s.querySelectorAll('.sbs-row').length : 0;")
    split = in_frame(d, """const row = Array.from(doc.querySelectorAll('.sbs-row')).find(r => r.dataset.label === 'OP25');
        return row ? [row.children[0].querySelectorAll('ins').length, row.children[1].querySelectorAll('del').length] : null;""")
    check(rows > 20 and split == [0, 0], f"side by side: {rows} rows, OLD without insertions, NEW without deletions")
    d.save_screenshot(SHOT.replace(".png", "-side-by-side.png"))
    d.find_element(By.ID, "view-redline").click()


def word_redline(d):
    path = download(d, ".downloads", "docx", "redline.docx")
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    inserted, deleted = len(re.findall(r"<w:ins\b", xml)), len(re.findall(r"<w:del\b", xml))
    check(inserted > 10 and deleted > 0, f"its tracked changes: {inserted} insertions, {deleted} deletions")
    check("w:author=\"redraft\"" in xml, "its revisions are by redraft")


def other_files(d):
    un = os.path.join(SHARED, "realworld/un/sc-iraq-unami")
    state = upload(d, os.path.join(un, "2020_S-2020-449.pdf"), os.path.join(un, "2022_S-2022-426.pdf"))
    check(state == "ready", "two PDF files are compared: " + d.find_element(By.ID, "message").text)
    units = in_frame(d, "return doc.querySelectorAll('main .unit').length;")
    check(units > 10, f"the PDF redline has {units} units")
    word = os.path.join(SHARED, "realworld/word")
    state = upload(d, os.path.join(word, "WC027-Twenty-Paras-Before.docx"), os.path.join(word, "WC027-Twenty-Paras-After-1.docx"))
    check(state == "ready", "two Word documents are compared: " + d.find_element(By.ID, "message").text)
    changed = in_frame(d, "return doc.querySelectorAll('main .unit.changed').length;")
    check(changed > 0, f"the Word redline shows {changed} changed units")
    binary = os.path.join(WORK, "photo.png")
    with open(binary, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    state = upload(d, os.path.join(ROOT, "drafts/cooperation-2020.txt"), binary)
    message = d.find_element(By.ID, "message")
    check(state == "error" and message.is_displayed() and message.text.startswith("photo.png: "),
          f"a binary file gets one clear message: {message.text!r}")
    check("\n" not in message.text, "in one line")


def history(d):
    drafts = [os.path.join(ROOT, "drafts", n) for n in ["cooperation-2020.txt", "cooperation-2021.txt", "cooperation-2021.txt"]]
    d.execute_script("document.body.dataset.state = 'empty'")
    for path in drafts:
        d.find_element(By.ID, "versions-input").send_keys(path)
    d.find_element(By.ID, "history-go").click()
    state = wait_state(d, {"history", "error"})
    check(state == "history", "three versions give a history")
    units = d.execute_script("return document.getElementById('history').contentDocument.body.textContent.length;")
    check(units > 1000, "the history page is shown")


PROPOSALS = ["UE.txt", "Mexique.docx", "Suisse.txt", "Japon.docx"]


def compilation(d):
    """The French compile fixture: the cooperation draft as base, four
    proposals (an edited draft named on the page, a Word draft, a list of
    amendments, a Word file's tracked changes read by author)."""
    d.execute_script("document.body.dataset.state = 'empty'")
    d.find_element(By.ID, "base-input").send_keys(os.path.join(ROOT, "drafts/cooperation-2020.txt"))
    folder = os.path.join(ROOT, "fixtures/compile-french/proposals")
    for name in PROPOSALS:
        d.find_element(By.ID, "proposals-input").send_keys(os.path.join(folder, name))
    names = d.find_elements(By.CSS_SELECTOR, "#proposals input.delegation")
    placeholders = [n.get_attribute("placeholder") for n in names]
    check(placeholders == ["UE", "Mexique", "Suisse", "Japon"], f"each proposal is named by its file until named: {placeholders}")
    names[0].send_keys("Union européenne")
    d.find_element(By.ID, "by-author").click()
    d.find_element(By.ID, "compile-go").click()
    state = wait_state(d, {"compiled", "error"})
    check(state == "compiled", "the proposals are compiled: " + d.find_element(By.ID, "compile-message").text)
    frame = lambda script: d.execute_script(
        "const doc = document.getElementById('compilation').contentDocument;" + script)
    delegations = frame("return doc.querySelector('header .files').textContent;")
    check(all(n in delegations for n in ["Union européenne", "Mexique", "Suisse", "Japon"]),
          f"the delegations are named: {delegations!r}")
    op2 = frame("return doc.getElementById('OP2').textContent;")
    check("Var. 1" in op2 and "très vive" in op2 and "(Union européenne, Mexique)" in op2
          and "Var. 2" in op2 and "profonde" in op2 and "(Suisse)" in op2,
          f"paragraph 2 shows the alternatives with their delegations: {op2[:160]!r}")
    new = frame("const u = doc.getElementById('OP6bis'); return u ? u.textContent : '';")
    check("6 bis." in new and "(Union européenne, Japon)" in new, f"6 bis is proposed by two: {new[:120]!r}")
    summary = d.find_element(By.ID, "compile-summary").text
    check(summary.startswith("4 delegations; "), f"the compilation's summary: {summary!r}")
    # The page's own filter: unticking Suisse hides its alternative.
    frame("doc.querySelector('input[data-i=\"2\"]').click();")
    hidden = frame("""const alt = doc.querySelector('#OP2 .alt[data-d="2"]');
        return getComputedStyle(alt).display === 'none';""")
    check(hidden, "unticking a delegation hides its proposals")
    frame("doc.querySelector('input[data-i=\"2\"]').click();")
    d.execute_script("document.getElementById('compilation').scrollIntoView()")
    d.save_screenshot(SHOT.replace(".png", "-compilation.png"))
    path = download(d, ".compile-downloads", "docx", "compilation.docx")
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    authors = set(re.findall(r'<w:(?:ins|del)\b[^>]*w:author="([^"]+)"', xml))
    names = {n for a in authors for n in a.split(", ")}
    check({"Union européenne", "Mexique", "Suisse", "Japon"} <= names,
          f"the Word compilation's revisions are by the delegations: {sorted(authors)}")


def download(d, group, what, name):
    """Clicks a download button and waits for its file; returns its path."""
    for old in os.listdir(DOWNLOADS):
        os.remove(os.path.join(DOWNLOADS, old))
    d.find_element(By.CSS_SELECTOR, f'{group} button[data-what="{what}"]').click()
    path = os.path.join(DOWNLOADS, name)
    end = time.time() + 120
    while time.time() < end and not os.path.exists(path):
        time.sleep(0.2)
    check(os.path.exists(path), f"{name} is downloaded")
    time.sleep(0.5)
    return path


def main():
    d = driver()
    try:
        d.get(URL)
        check(d.title == "redraft", "the page opens")
        requests = d.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));")
        check(requests == [], f"nothing is loaded from elsewhere ({requests})")
        cooperation(d)
        navigation(d)
        d.execute_script("document.getElementById('findings-box').open = true; window.scrollTo(0, 0)")
        ActionChains(d).send_keys("n").perform()
        d.save_screenshot(SHOT)
        word_redline(d)
        other_files(d)
        history(d)
        compilation(d)
        refused = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch('/api/compare', {method: 'POST', body: new FormData()}).then(r => done(r.status));""")
        check(refused == 403, f"the page's own origin without the token is refused ({refused})")
    finally:
        d.quit()
    print("browser: all checks passed")


main()
