"""The same commission statement as `kehu commission`, in pandas, for the bench.

Reads the generated projects export (the bench's subset of the format: one person or a 60:40
pair on fixed projects, one person on risk projects; on strategic projects a lead, one
assistant, an optional medical-strategy person and an optional execution entry, the bonus to
the lead), computes every line in integer fen (exact, half-up), writes the lines and the totals
per person as CSV, and prints the grand total in yuan on stdout.

usage: python3 commission_pandas.py <projects.csv> <statement.csv>
"""
import sys

import numpy as np
import pandas as pd

src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, dtype=str, keep_default_na=False)
df.columns = ['project', 'name', 'type', 'revenue', 'profit', 'turnover', 'people', 'rate', 'assistants', 'medical', 'execution', 'bonus']


def fen(col):
    """Yuan text with at most two decimals → integer fen."""
    s = col.str.replace(',', '', regex=False)
    whole = s.str.extract(r'^(-?)(\d+)(?:\.(\d{1,2}))?$')
    sign = np.where(whole[0] == '-', -1, 1)
    cents = whole[2].fillna('').str.ljust(2, '0')
    return sign * (whole[1].astype(np.int64) * 100 + cents.astype(np.int64))


def basis_points(col):
    """'8%' or '0.08' → 800 (ten-thousandths)."""
    pct = col.str.endswith('%')
    num = col.str.rstrip('%').astype(float)
    return np.rint(np.where(pct, num * 100, num * 10000)).astype(np.int64)


def half_up(numerator, denominator):
    """Non-negative integer division rounded half up."""
    return (numerator * 2 + denominator) // (denominator * 2)


lines = []

fixed = df[df['type'] == '固定']
if len(fixed):
    total = half_up(fen(fixed['turnover']) * basis_points(fixed['rate']), 10000)
    pair = fixed['people'].str.extract(r'^(.+?):60; (.+?):40$')
    single = pair[0].isna()
    lines.append(pd.DataFrame({'project': fixed['project'][single], 'person': fixed['people'][single], 'role': 'fixed', 'fen': total[single]}))
    split = ~single
    t = total[split]
    first, second = (t * 60) // 100, (t * 40) // 100
    left = t - first - second  # 0 or 1 fen: to the larger remainder (largest remainder method)
    first_more = ((t * 60) % 100) >= ((t * 40) % 100)
    first = first + np.where(first_more, left, 0)
    second = second + np.where(first_more, 0, left)
    lines.append(pd.DataFrame({'project': fixed['project'][split], 'person': pair[0][split], 'role': 'fixed', 'fen': first}))
    lines.append(pd.DataFrame({'project': fixed['project'][split], 'person': pair[1][split], 'role': 'fixed', 'fen': second}))

risk = df[df['type'] == '风险']
if len(risk):
    profit = fen(risk['profit'])
    lines.append(pd.DataFrame({'project': risk['project'], 'person': risk['people'], 'role': 'risk', 'fen': np.where(profit > 0, half_up(np.maximum(profit, 0) * 1000, 10000), 0)}))

strategic = df[df['type'] == '策略']
if len(strategic):
    revenue = fen(strategic['revenue'])
    profit = fen(strategic['profit'])
    qualified = profit * 100 >= revenue * 30
    q = strategic[qualified]
    rev, pro = revenue[qualified], profit[qualified]
    lines.append(pd.DataFrame({'project': q['project'], 'person': q['people'], 'role': 'lead', 'fen': half_up(pro * basis_points(q['rate']), 10000)}))
    assistant = q['assistants'].str.extract(r'^(.+?):(.+)$')
    lines.append(pd.DataFrame({'project': q['project'], 'person': assistant[0], 'role': 'assistant', 'fen': half_up(pro * basis_points(assistant[1]), 10000)}))
    medical = q['medical'] != ''
    lines.append(pd.DataFrame({'project': q['project'][medical], 'person': q['medical'][medical], 'role': 'medicalStrategy', 'fen': half_up(pro[medical] * 500, 10000)}))
    execution = q['execution'].str.extract(r'^(.+?):(\d+):(\d+):([\d.]+)$')
    has_execution = execution[0].notna()
    e = execution[has_execution]
    tenths = np.rint(e[3].astype(float) * 10).astype(np.int64)
    lines.append(pd.DataFrame({'project': q['project'][has_execution], 'person': e[0], 'role': 'execution', 'fen': half_up(e[1].astype(np.int64) * e[2].astype(np.int64) * 100 * tenths, 10)}))
    # steps = floor((margin − 0.40) / 0.05), exact in integers; bonus = 0.20 × steps × 0.05 × revenue
    steps = np.where(pro * 100 > rev * 40, (pro * 100 - rev * 40) // (rev * 5), 0)
    bonus = half_up(steps * rev, 100)
    has_bonus = bonus > 0
    lines.append(pd.DataFrame({'project': q['project'][has_bonus], 'person': q['people'][has_bonus], 'role': 'overProfitBonus', 'fen': bonus[has_bonus]}))

statement = pd.concat(lines, ignore_index=True)
statement['amount'] = (statement['fen'] / 100).map('{:.2f}'.format)
totals = statement.groupby('person', sort=False)['fen'].sum()
grand = int(totals.sum())
with open(out, 'w', encoding='utf-8') as f:
    statement[['project', 'person', 'role', 'amount']].to_csv(f, index=False)
    for person, amount in totals.items():
        f.write(f'合计 total,{person},,{amount / 100:.2f}\n')
    f.write(f'总计 grand total,,,{grand / 100:.2f}\n')
print(f'{grand // 100}.{grand % 100:02d}')
