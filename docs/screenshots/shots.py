"""Screenshots of the filing page, the cockpit and the liaison's visit page, desktop and phone.
usage: /usr/bin/python3 shots.py BASE_URL PREFIX OUTDIR"""
import sys, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, prefix, out = sys.argv[1], sys.argv[2], sys.argv[3]
pages = [
    ("zhangwei", "/applications/new", "filing"),
    ("huangmin", "/sla/cockpit", "cockpit"),
    ("lixiaohong", "/liaison", "liaison"),
]
def driver(width, height):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}", "--lang=zh-CN"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
for width, height, tag in [(1366, 1000, "desktop"), (390, 844, "phone")]:
    for user, path, name in pages:
        d = driver(width, height)
        try:
            d.get(base + "/login")
            d.find_element(By.NAME, "username").send_keys(user)
            d.find_element(By.NAME, "password").send_keys("demo123")
            d.find_element(By.CSS_SELECTOR, "form [type=submit], form button").click()
            time.sleep(1)
            d.get(base + path)
            time.sleep(2)
            h = d.execute_script("return Math.min(document.body.scrollHeight, 2400)")
            d.set_window_size(width, max(height, h))
            time.sleep(0.5)
            f = f"{out}/{prefix}-{name}-{tag}.png"
            d.save_screenshot(f)
            print(f, d.title, d.current_url)
        finally:
            d.quit()
