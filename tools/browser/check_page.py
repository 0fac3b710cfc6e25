#!/usr/bin/env python3
"""Checks Perimeter's interactive map pages in headless Chromium (Debian `chromium` + `chromium-driver`, Selenium).

Usage: check_page.py SPEC.json  →  prints a JSON report on stdout; exit 0 when every page passes, 1 when one
fails, 2 when the browser cannot be started (a missing browser is a failure, never a skip).

SPEC: {"pages": [{"name": str, "path": str,
                  "layers": [layer names that must be in the layer control],
                  "tracks": bool,                 # click a track, move the time slider, play/pause
                  "track_id": str, "popup_contains": [str],   # the track clicked and what its popup must say
                  "altitudes": int,               # > 1: switch target altitude and check the layers follow
                  "screenshot": "file.png",       # saved after load; must not be blank
                  "forbidden_globals": [str]}]}   # window members that must not exist (script injection)

`check_page.py --screenshot PAGE.html OUT.png [SECONDS]` only saves a screenshot (time slider at SECONDS).

One browser session serves every page. Each page must load with no console error and no network request:
the Chrome DevTools network log may show only the page's own file:// URL and data: URLs, and the
Resource Timing list must be empty of anything else.
"""
import json
import struct
import sys
import time
import zlib
from urllib.parse import quote


def png_colours(data):
    """Distinct RGB colours of a PNG (8-bit RGB/RGBA, non-interlaced, as Chrome writes), and the share of the most common."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unsupported PNG layout"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    counts = {}
    i = 0
    for _ in range(height):
        f = raw[i]
        row = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = row[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                row[x] = (row[x] + a) & 255
            elif f == 2:
                row[x] = (row[x] + b) & 255
            elif f == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 2):  # every other pixel: enough to count colours, twice as fast
            key = bytes(row[x:x + 3])
            counts[key] = counts.get(key, 0) + 1
        prev = row
    total = sum(counts.values())
    return len(counts), max(counts.values()) / total


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--force-device-scale-factor=1"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    # The page's viewport, whatever the window decorations take.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return driver


def requests_made(driver):
    """URLs from the DevTools network events since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method = message.get("method", "")
        if method == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif method.startswith("Network.webSocket") or method.startswith("Network.eventSource"):
            urls.append(method)
    return urls


def wait_ready(driver, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script("return !!(window.perimeterPage && window.perimeterPage.ready)"):
            return True
        time.sleep(0.05)
    return False


def aircraft_drawing(driver):
    """What the aircraft pane draws: its SVG markup, or the canvas pixels."""
    return driver.execute_script("""
        var pane = document.querySelector('.leaflet-aircraft-pane');
        if (!pane) return '';
        var c = pane.querySelector('canvas');
        return c ? c.toDataURL() : pane.innerHTML;""")


def check_tracks(driver, page, errors, facts):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    map_el = driver.find_element(By.ID, "map")
    # Click a track: a drawn vertex outside every incursion, away from its first fix (where the aircraft stands at
    # t=0), zoomed in. Where tracks cross, the click may land on another one: up to 6 tracks are tried, and the
    # check passes when a click opens the popup of the track clicked.
    tried = []
    for attempt in range(6):
        target = driver.execute_script("""
            var P = window.perimeterPage, want = arguments[0], skip = arguments[1], tracks = P.tracks, it = null;
            for (var i = 0; i < tracks.length; i++) {
              if (skip.indexOf(tracks[i].id) >= 0) continue;
              if (want ? tracks[i].id === want : tracks[i].dwell > 0) { it = tracks[i]; break; }
            }
            if (!it) return null;
            var best = Math.floor(it.ll.length / 2);
            for (var k = Math.max(1, Math.floor(it.ll.length / 5)); k < it.ll.length - 1; k++) {
              var inside = it.a.some(function (iv) { return it.t[k] >= iv[0] && it.t[k] <= iv[1]; });
              if (!inside) { best = k; break; }
            }
            var ll = L.latLng(it.ll[best][0], it.ll[best][1]);
            P.map.setView(ll, 13, {animate: false});
            var p = P.map.latLngToContainerPoint(ll), size = P.map.getSize();
            return {id: it.id, x: p.x, y: p.y, w: size.x, h: size.y, dwell: it.dwell};""", page.get("track_id"), tried)
        if not target:
            break
        tried.append(target["id"])
        time.sleep(0.3)
        ActionChains(driver).move_to_element_with_offset(map_el, int(target["x"] - target["w"] / 2),
                                                         int(target["y"] - target["h"] / 2)).click().perform()
        time.sleep(0.4)
        popups = driver.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content")
        text = popups[0].text if popups else ""
        if target["id"] in text.split("\n")[0]:
            break
        driver.execute_script("window.perimeterPage.map.closePopup();")
    if not tried:
        errors.append("no track with an incursion to click")
        return
    facts["clicked_tracks"] = tried
    facts["popup"] = text[:400]
    if not text:
        errors.append(f"clicking track {target['id']} opened no popup")
    else:
        if "dwell" not in text:
            errors.append(f"popup of track {target['id']} has no dwell: {text[:200]!r}")
        if target["id"] not in text.split("\n")[0]:
            errors.append(f"clicks on tracks {tried} opened no popup of the track clicked (last: {text[:120]!r})")
        for want in page.get("popup_contains", []):
            if want not in text:
                errors.append(f"popup of track {target['id']} lacks {want!r}: {text[:300]!r}")
    driver.execute_script("window.perimeterPage.map.closePopup();")
    # Move the time slider (a real click on the range input) and compare what is drawn.
    driver.execute_script("var P = window.perimeterPage; P.map.fitBounds(P.layers.tracks.getBounds(), {animate: false});")
    before_pos = driver.execute_script("return window.perimeterPage.tracks.map(function (t) { var p = t.marker.getLatLng(); return [p.lat, p.lng]; });")
    before_drawing = aircraft_drawing(driver)
    slider = driver.find_element(By.ID, "time")
    started = time.time()
    ActionChains(driver).move_to_element_with_offset(slider, 0, 0).click().perform()
    facts["slider_click_s"] = round(time.time() - started, 3)
    time.sleep(0.3)
    now = driver.execute_script("return window.perimeterPage.time();")
    after_pos = driver.execute_script("return window.perimeterPage.tracks.map(function (t) { var p = t.marker.getLatLng(); return [p.lat, p.lng]; });")
    moved = sum(1 for a, b in zip(before_pos, after_pos) if a != b)
    facts["slider_time_s"] = now
    facts["aircraft_moved"] = moved
    if now <= 0:
        errors.append("clicking the slider did not move the time")
    if moved == 0:
        errors.append("moving the time slider moved no aircraft")
    if aircraft_drawing(driver) == before_drawing:
        errors.append("moving the time slider did not change the drawn aircraft positions")
    facts["clock"] = driver.find_element(By.CSS_SELECTOR, ".clock").text
    facts["counts"] = driver.find_element(By.CSS_SELECTOR, ".counts").text
    # The cost of one time step over every track, measured in the page (reported, not asserted).
    facts["set_time_ms"] = driver.execute_script("""
        var P = window.perimeterPage, t0 = performance.now(), n = 20;
        for (var i = 0; i < n; i++) P.setTime(P.time() + 1);
        return Math.round((performance.now() - t0) / n * 100) / 100;""")
    # Play for a moment, then pause.
    play = driver.find_element(By.ID, "play")
    t_before = driver.execute_script("return window.perimeterPage.time();")
    play.click()
    time.sleep(0.8)
    play.click()
    t_after = driver.execute_script("return window.perimeterPage.time();")
    facts["played_s"] = round(t_after - t_before, 1)
    if not t_after > t_before:
        errors.append("Play did not advance the time")


def check_altitudes(driver, page, errors, facts):
    from selenium.webdriver.common.by import By
    radios = driver.find_elements(By.CSS_SELECTOR, "input[name=altitude]")
    if len(radios) != page["altitudes"]:
        errors.append(f"{len(radios)} altitude choices, expected {page['altitudes']}")
        return
    def shown():
        return driver.execute_script("""
            var P = window.perimeterPage, out = [];
            for (var k in P.layers) { if (P.map.hasLayer(P.layers[k]) && /^(coverage|gaps)_/.test(k)) out.push(k); }
            return out.sort();""")
    def rows():
        return driver.execute_script("return Array.prototype.filter.call(document.querySelectorAll('table.figures tr.alt'), function (r) { return r.style.display !== 'none'; }).length;")
    first, first_rows = shown(), rows()
    radios[-1].click()
    time.sleep(0.2)
    last, last_rows = shown(), rows()
    facts["altitude_layers"] = [first, last]
    facts["altitude_rows"] = [first_rows, last_rows]
    if not first or not last or set(first) & set(last):
        errors.append(f"switching altitude did not swap the coverage layers: {first} → {last}")
    if first_rows == 0 or last_rows == 0:
        errors.append("the figures table shows no rows for an altitude")
    radios[0].click()


def check_page(driver, page, shots):
    errors, facts = [], {}
    requests_made(driver)
    driver.get_log("browser")
    url = "file://" + quote(page["path"])
    started = time.time()
    driver.get(url)
    if not wait_ready(driver):
        errors.append("the page did not become ready (window.perimeterPage.ready) within 60 s")
    facts["ready_s"] = round(time.time() - started, 2)
    time.sleep(0.5)
    shot = page.get("screenshot")
    if shot:
        driver.save_screenshot(shot)
        colours, top = png_colours(open(shot, "rb").read())
        facts["screenshot_colours"] = colours
        facts["screenshot_top_colour_share"] = round(top, 3)
        if colours < 16 or top > 0.9:
            errors.append(f"screenshot looks blank: {colours} colours, the most common covers {top:.0%}")
    names = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('.leaflet-control-layers-overlays [data-layer]'), function (e) { return e.getAttribute('data-layer'); });")
    facts["layers"] = names
    for want in page.get("layers", []):
        if want not in names:
            errors.append(f"layer {want!r} missing from the layer control (has {names})")
    if not driver.find_elements("css selector", ".leaflet-control-scale-line"):
        errors.append("no scale bar")
    if not driver.find_elements("css selector", ".legend div"):
        errors.append("empty legend")
    for name in page.get("forbidden_globals", []):
        if driver.execute_script(f"return typeof window[{json.dumps(name)}] !== 'undefined';"):
            errors.append(f"window.{name} exists: text from the data ran as script")
    if page.get("tracks"):
        check_tracks(driver, page, errors, facts)
    if page.get("altitudes", 0) > 1:
        check_altitudes(driver, page, errors, facts)
    # Console and network, over the whole visit.
    console = [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
    if console:
        errors.append("console errors: " + "; ".join(e.get("message", "")[:200] for e in console[:5]))
    own = url.split("#")[0]
    requests = requests_made(driver)
    foreign = [u for u in requests if u != own and not u.startswith("data:")]
    facts["requests"] = len(requests)
    if foreign:
        errors.append(f"network requests besides the page itself: {foreign[:5]}")
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    resources = [r for r in resources if not r.startswith("data:")]
    if resources:
        errors.append(f"resource timing lists requests: {resources[:5]}")
    return {"name": page["name"], "ok": not errors, "errors": errors, "facts": facts}


def screenshot(page, out, at=None):
    """`check_page.py --screenshot PAGE.html OUT.png [SECONDS]`: the page as a reader first sees it (or with the
    time slider at SECONDS), for the README."""
    driver = start_browser()
    try:
        driver.get("file://" + quote(__import__("os").path.abspath(page)))
        if not wait_ready(driver):
            raise SystemExit(f"{page}: not ready within 60 s")
        if at is not None:
            driver.execute_script("window.perimeterPage.setTime(arguments[0]);", float(at))
        time.sleep(0.5)
        driver.save_screenshot(out)
    finally:
        driver.quit()
    return 0


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--screenshot":
        return screenshot(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    spec = json.load(open(sys.argv[1]))
    try:
        driver = start_browser()
    except Exception as e:  # noqa: BLE001 — any failure to start is reported as such
        print(json.dumps({"ok": False, "error": f"cannot start headless Chromium: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}))
        return 2
    results = []
    try:
        for page in spec["pages"]:
            try:
                results.append(check_page(driver, page, spec.get("screenshots")))
            except Exception as e:  # noqa: BLE001 — one page's failure is reported, the others still run
                results.append({"name": page["name"], "ok": False, "errors": [f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"], "facts": {}})
    finally:
        driver.quit()
    ok = all(r["ok"] for r in results)
    print(json.dumps({"ok": ok, "pages": results}, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
