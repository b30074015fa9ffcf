"""The same commission statement as `kehu commission`, in pandas, for the bench.

Reads the generated projects export (the bench's subset of the format: one person or a 60:40
pair on fixed projects, one person on risk projects; on strategic projects a lead, one
assistant, an optional medical-strategy person and an optional execution entry, the bonus to
the lead) under the default policy, computes every line in integer fen (exact, half-up), and
writes the statement `kehu commission` writes: the same columns, lines, notes, totals per person
and grand total, byte for byte, so the bench can compare the two files whole. Prints the grand
total in yuan on stdout.

usage: python3 commission_pandas.py <projects.csv> <statement.csv>
"""
import sys

import numpy as np
import pandas as pd

src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, dtype=str, keep_default_na=False)
df.columns = ['project', 'name', 'type', 'revenue', 'profit', 'turnover', 'people', 'rate', 'assistants', 'medical', 'execution', 'bonus']
df['pos'] = np.arange(len(df))

TYPE_NAMES = {'固定': '公司固定项目 fixed', '策略': '策略性项目 strategic', '风险': '风险性项目 risk'}
ROLE_NAMES = {
    'fixed': '固定项目提成 fixed',
    'risk': '风险项目提成 risk',
    'lead': '客户人员 lead',
    'assistant': '辅助人员 assistant',
    'medicalStrategy': '医学策略 medical strategy',
    'execution': '执行人员 execution',
    'overProfitBonus': '超额利润奖励 over-profit bonus',
    'notQualified': '不符合提成条件 not qualified',
}
COLUMNS = ['project', 'name', 'type', 'person', 'role', 'base', 'rate', 'amount', 'rules', 'note']
HEADER = '项目编号 project,项目名称 name,项目类型 type,人员 person,角色 role,基数 base,比例 rate,提成金额 amount,规则 rules,说明 note\n'


def fen(col):
    """Yuan text → integer fen. Through a double, exact: below 2^51 fen (¥22 trillion) the double
    nearest a two-decimal amount, times 100, rounds back to its whole number of fen."""
    return np.rint(col.astype(float) * 100).astype(np.int64)


CENTS = np.array([f'{cents:02d}' for cents in range(100)], dtype=object)


def yuan(fen_values):
    """Integer fen → yuan text with two decimals, exact."""
    values = np.asarray(fen_values, dtype=np.int64)
    magnitude = np.abs(values)
    sign = np.where(values < 0, '-', '').astype(object)
    return sign + (magnitude // 100).astype(str).astype(object) + '.' + CENTS[magnitude % 100]


def basis_points(col):
    """'8%' or '0.08' → 800 (ten-thousandths)."""
    pct = col.str.endswith('%')
    num = col.str.rstrip('%').astype(float)
    return np.rint(np.where(pct, num * 100, num * 10000)).astype(np.int64)


def rate_text(points):
    """800 → '0.08', 2000 → '0.2': the rate as a plain decimal, as the statement prints it."""
    unique, index = np.unique(np.asarray(points), return_inverse=True)
    return np.array([f'{p / 10000:.4f}'.rstrip('0').rstrip('.') for p in unique], dtype=object)[index]


def half_up(numerator, denominator):
    """Non-negative integer division rounded half up."""
    return (numerator * 2 + denominator) // (denominator * 2)


lines = []


def add(frame, seq, person, role, base, rate, amount, rules, note=''):
    """Statement lines of `frame`'s projects; `seq` orders the lines within a project."""
    lines.append(pd.DataFrame({
        'pos': frame['pos'].to_numpy(), 'seq': seq, 'project': frame['project'].to_numpy(), 'name': frame['name'].to_numpy(),
        'type': frame['type'].map(TYPE_NAMES).to_numpy(), 'person': np.asarray(person), 'role': ROLE_NAMES[role],
        'base': base, 'rate': rate, 'fen': np.asarray(amount, dtype=np.int64), 'rules': rules, 'note': note,
    }))


fixed = df[df['type'] == '固定']
if len(fixed):
    turnover = fen(fixed['turnover'])
    points = basis_points(fixed['rate'])
    total = half_up(turnover * points, 10000)  # R-COM-1
    pair = fixed['people'].str.extract(r'^(.+?):60; (.+?):40$')
    single = pair[0].isna().to_numpy()
    f = fixed[single]
    add(f, 0, f['people'], 'fixed', yuan(turnover[single]), rate_text(points[single]), total[single], 'R-COM-1')
    split = ~single
    s, t = fixed[split], total[split]
    first, second = (t * 60) // 100, (t * 40) // 100
    left = t - first - second  # 0 or 1 fen: to the larger remainder (largest remainder method, R-COM-7)
    first_more = ((t * 60) % 100) >= ((t * 40) % 100)
    whole = yuan(t)
    note = '按比例分配 ' + whole + ' / share of ' + whole
    add(s, 0, pair[0][split], 'fixed', whole, '60/100', first + np.where(first_more, left, 0), 'R-COM-1, R-COM-7', note)
    add(s, 1, pair[1][split], 'fixed', whole, '40/100', second + np.where(first_more, 0, left), 'R-COM-1, R-COM-7', note)

risk = df[df['type'] == '风险']
if len(risk):
    profit = fen(risk['profit'])
    due = (profit > 0).to_numpy()  # R-COM-5: no profit, no commission
    amount = np.where(due, half_up(np.maximum(profit, 0) * 1000, 10000), 0)
    add(risk, 0, risk['people'], 'risk', yuan(profit), '0.1', amount, 'R-COM-5', np.where(due, '', '无利润不提成 / no profit, no commission'))

strategic = df[df['type'] == '策略']
if len(strategic):
    revenue = fen(strategic['revenue'])
    profit = fen(strategic['profit'])
    qualified = (profit * 100 >= revenue * 30).to_numpy()  # R-COM-3
    n = strategic[~qualified]
    hundredths = half_up(profit[~qualified] * 10000, revenue[~qualified])
    unique, index = np.unique(np.asarray(hundredths), return_inverse=True)
    margin = np.array([f'{h / 100:.2f}'.rstrip('0').rstrip('.') for h in unique], dtype=object)[index]
    note = '利润率 ' + margin + '% 低于 30%，不符合策略性项目提成条件 / margin ' + margin + '% is below 30%: not qualified'
    add(n, 0, n['people'], 'notQualified', yuan(profit[~qualified]), '', 0, 'R-COM-3', note)
    # R-COM-2: the lead, the assistant and medical strategy on profit, then execution.
    q = strategic[qualified]
    rev, pro = revenue[qualified], profit[qualified]
    base = yuan(pro)
    points = basis_points(q['rate'])
    add(q, 0, q['people'], 'lead', base, rate_text(points), half_up(pro * points, 10000), 'R-COM-2')
    assistant = q['assistants'].str.extract(r'^(.+?):(.+)$')
    points = basis_points(assistant[1])
    add(q, 1, assistant[0], 'assistant', base, rate_text(points), half_up(pro * points, 10000), 'R-COM-2')
    medical = (q['medical'] != '').to_numpy()
    add(q[medical], 2, q['medical'][medical], 'medicalStrategy', base[medical], '0.05', half_up(pro[medical] * 500, 10000), 'R-COM-2')
    execution = q['execution'].str.extract(r'^(.+?):(\d+):(\d+):([\d.]+)$')
    has_execution = execution[0].notna().to_numpy()
    e = execution[has_execution]
    hours_wage_fen = e[1].astype(np.int64) * e[2].astype(np.int64) * 100
    tenths = np.rint(e[3].astype(float) * 10).astype(np.int64)
    add(q[has_execution], 3, e[0], 'execution', yuan(hours_wage_fen), e[3].to_numpy(), half_up(hours_wage_fen * tenths, 10), 'R-COM-2')
    # R-COM-4: steps = floor((margin − 0.40) / 0.05), exact in integers; bonus = 0.20 × steps × 0.05 × revenue
    steps = np.where(pro * 100 > rev * 40, (pro * 100 - rev * 40) // (rev * 5), 0)
    bonus = half_up(steps * rev, 100)
    has_bonus = (bonus > 0).to_numpy()
    add(q[has_bonus], 4, q['people'][has_bonus], 'overProfitBonus', yuan(bonus[has_bonus]), '1', bonus[has_bonus], 'R-COM-4')

# Lines in project order, each project's lines in the statement's order.
statement = pd.concat(lines, ignore_index=True)
statement = statement.iloc[np.lexsort((statement['seq'].to_numpy(), statement['pos'].to_numpy()))]
statement['amount'] = yuan(statement['fen'])
totals = statement.groupby('person', sort=False)['fen'].sum()
grand = int(totals.sum())
with open(out, 'w', encoding='utf-8', newline='') as f:
    f.write(HEADER)
    statement[COLUMNS].to_csv(f, index=False, header=False, lineterminator='\n')
    for person, amount in totals.items():
        f.write(f'合计 total,,,{person},,,,{amount / 100:.2f},,\n')
    f.write(f'总计 grand total,,,,,,,{grand / 100:.2f},,\n')
print(f'{grand // 100}.{grand % 100:02d}')
