// A widget that looks finished at 360, 768 and 1280 px: the mock interview's rows start where
// its question does, the stats chart has dates, a scale and its bars inside the frame, and no
// table repeats its own heading.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, startMock } = require('./helpers');

const left = async (locator) => Math.round((await locator.boundingBox()).x);

for (const width of [360, 768, 1280]) {
  test(`the mock interview's rows line up with its question at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await startMock(page);
    const question = await left(page.locator('#mock-question'));
    const rows = {
      'Record my answer': page.getByTestId('record'),
      'the countdown': page.getByTestId('countdown'),
      'Pause the clock': page.getByRole('button', { name: 'Pause the clock' }),
      'Reveal the answer': page.getByRole('button', { name: 'Reveal the answer' }),
      'Read the question aloud': page.getByRole('checkbox', { name: 'Read the question aloud' }),
    };
    for (const [name, locator] of Object.entries(rows)) {
      expect(await left(locator), `${name} starts where the question does`).toBe(question);
    }
    await page.getByRole('button', { name: 'Reveal the answer' }).click();
    const answer = {
      'the time used': page.locator('.used'),
      'the answer': page.locator('.mock .card-answer > :not(.sr-only)').first(),
      'the key points': page.getByTestId('key-points'),
      'the grades': page.getByRole('group', { name: 'How well did you know it?' }),
    };
    for (const [name, locator] of Object.entries(answer)) {
      expect(await left(locator), `${name} starts where the question does`).toBe(question);
    }
  });
}

test('at 360 px the practice bar and the card controls each keep to one row, and the stats fit', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openFresh(page);
  for (const selector of ['.practice-bar > *', '.controls > button']) {
    const rows = await page.locator(selector).evaluateAll((els) => {
      const boxes = els.map((e) => e.getBoundingClientRect());
      return boxes.every((a) => boxes.every((b) => a.top < b.bottom && b.top < a.bottom));
    });
    expect(rows, `${selector} on one row`).toBe(true);
  }
  // The stats' tables fit the width: nothing hides past the right edge.
  await page.keyboard.press('t');
  await expect(page.locator('table.tally')).toHaveCount(2);
  const overflow = await page.locator('.stats').evaluate((s) => s.scrollWidth - s.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the chart has dates on its axis, a scale, and every bar inside its frame', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-03-15T10:00:00Z'));
  await openFresh(page);
  for (const key of ['3', '4', '3']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
  }
  await page.keyboard.press('t');
  const chart = page.locator('.chart');
  // Dates: the first day of the 30, and today.
  await expect(chart.getByTestId('chart-dates')).toContainText('14 Feb');
  await expect(chart.getByTestId('chart-dates')).toContainText('15 Mar');
  // The scale: the busiest day's count and zero.
  await expect(chart.getByTestId('chart-scale')).toContainText('3');
  await expect(chart.getByTestId('chart-scale')).toContainText('0');
  const frame = await chart.locator('svg').boundingBox();
  const bars = await chart.locator('svg rect').evaluateAll((rs) => rs.map((r) => {
    const b = r.getBoundingClientRect();
    return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
  }));
  expect(bars).toHaveLength(30);
  for (const bar of bars) {
    expect(bar.left).toBeGreaterThan(frame.x + 1);
    expect(bar.right).toBeLessThan(frame.x + frame.width - 1);
    expect(bar.top).toBeGreaterThan(frame.y + 1);
    expect(bar.bottom).toBeLessThan(frame.y + frame.height - 0.5);
  }
});

test('no table repeats its own heading', async ({ page }) => {
  await openFresh(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('stats-headline')).toBeVisible();
  const repeats = await page.locator('table').evaluateAll((tables) => tables.flatMap((t) => {
    const caption = t.caption?.textContent.trim().toLowerCase();
    return [...t.querySelectorAll('thead th')]
      .filter((th) => th.textContent.trim().toLowerCase() === caption)
      .map((th) => th.textContent);
  }));
  expect(repeats).toEqual([]);
  await expectNoAxeViolations(page, 'stats');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'dark stats');
});

test('one spacing scale: every margin, padding and gap in the stylesheet is a step of it', async ({ page }) => {
  await openFresh(page);
  const off = await page.evaluate(() => {
    const sheet = [...document.styleSheets].find((s) => /app-[0-9a-f]+\.css/.test(s.href ?? ''));
    const bad = [];
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule.cssRules) walk(rule.cssRules);
        if (!rule.style) continue;
        // From the rule's text: a shorthand holding var() has no longhand values in the CSSOM.
        const body = rule.cssText.slice(rule.cssText.indexOf('{'));
        for (const [, prop, value] of body.matchAll(/(?:^|[;{\s])((?:margin|padding|gap|row-gap|column-gap)[a-z-]*)\s*:\s*([^;}]+)/g)) {
          for (const part of value.trim().split(/\s+(?![^(]*\))/)) {
            if (!/^(0|0px|auto|var\(--ic-(s[1-6]|pad)\)|-?1px|2px)$/.test(part)) bad.push(`${rule.selectorText} { ${prop}: ${value.trim()} }`);
          }
        }
      }
    };
    walk(sheet.cssRules);
    return bad;
  });
  expect(off).toEqual([]);
});
