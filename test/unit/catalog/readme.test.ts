// The README's catalog section is documentation of the shipped data: it must name what the data
// holds, so a catalog update that forgets the README fails here.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedCatalogData } from '../../../src/catalog';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The catalog'), readme.indexOf('## CLI'));
const catalog = shippedCatalogData();

test('the README catalog section names the catalog date, every model version, tool price, conflict boundary and covered year', () => {
  assert.ok(section.length > 500);
  assert.ok(section.includes(`dated ${catalog.catalogDate}`), 'catalog date');
  assert.ok(section.includes(`prices as of ${catalog.catalogDate}`), 'staleness wording');
  for (const m of catalog.models) for (const v of m.versions ?? []) assert.ok(section.includes(v.version), `${m.id}: ${v.version}`);
  for (const id of ['deepseek-v4-flash-vision-exp', 'deepseek-flash', 'deepseek-v4-pro']) assert.ok(section.includes(`\`${id}\``), id);
  for (const p of catalog.toolPricePeriods) {
    const symbol = p.currency === 'CNY' ? '¥' : '$';
    assert.ok(section.includes(`${symbol}${p.price} per ${p.per.toLocaleString('en-US')}`) || section.includes(`${symbol}${p.price} per audio hour`), `${p.item} ${p.currency} ${p.price}`);
    assert.ok(section.includes(p.from.slice(0, 10)), `${p.item} from ${p.from}`);
    if (p.freeAsModelToolUntil) assert.ok(section.includes(p.freeAsModelToolUntil.slice(0, 16).replace('T', ' ')), 'free period end');
    if (p.reported) assert.ok(section.includes(`${symbol}${p.price} per ${p.per.toLocaleString('en-US')}, *reported*`), `${p.item} USD marked reported`);
  }
  for (const c of catalog.conflicts) for (const t of [c.from, c.until]) if (t) assert.ok(section.includes(t.slice(0, 10)), `${c.id} ${t}`);
  for (const m of catalog.anthropicModelMaps) {
    for (const r of m.rules) assert.ok(section.includes(`\`${r.pattern}\` → \`${r.model}\``) || section.includes(`other \`claude-*\` → \`${r.model}\``) || section.includes(`other \`claude-*\`\n  and unknown names → \`${r.model}\``), `${m.from} ${r.pattern}`);
    if (m.rejectStatus) assert.ok(section.includes(`HTTP ${m.rejectStatus}`));
  }
  assert.ok(section.includes(`covers ${catalog.holidayCalendars['cn-statutory'].years!.join(', ')} only`));
});
