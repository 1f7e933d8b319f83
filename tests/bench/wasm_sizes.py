#!/usr/bin/env python3
"""Per-function code sizes of a wasm that has a name section (run on wasm-bindgen output
before wasm-opt), grouped by owner. Usage: wasm_sizes.py FILE.wasm [TOP]. Needs c++filt."""
import sys, re, subprocess, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def parse(path):
    b = open(path, 'rb').read()
    i = 8; sections = []; nimports = 0; sizes = []; names = {}; datasz = 0
    while i < len(b):
        sid = b[i]; i += 1
        n, i = leb(b, i); start = i; end = i + n
        sections.append((sid, n))
        if sid == 2:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                l, j = leb(b, j); j += l
                l, j = leb(b, j); j += l
                kind = b[j]; j += 1
                if kind == 0: _, j = leb(b, j); nimports += 1
                elif kind == 1: j += 1; f, j = leb(b, j); _, j = leb(b, j); j = j + (0 if not (f & 1) else 0)
                elif kind == 2: f, j = leb(b, j); _, j = leb(b, j); 
                elif kind == 3: j += 2
                if kind == 2 and f & 1: _, j = leb(b, j)
        elif sid == 10:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                l, j2 = leb(b, j); sizes.append(l + (j2 - j)); j = j2 + l
        elif sid == 0:
            l, j = leb(b, i); nm = b[j:j+l].decode(); j += l
            if nm == 'name':
                while j < end:
                    sub = b[j]; j += 1; sl, j = leb(b, j); se = j + sl
                    if sub == 1:
                        cnt, k = leb(b, j)
                        for _ in range(cnt):
                            idx, k = leb(b, k); l, k = leb(b, k); names[idx] = b[k:k+l].decode('utf8', 'replace'); k += l
                    j = se
        i = end
    return sections, nimports, sizes, names

def demangle(ns):
    out = subprocess.run(['c++filt'], input='\n'.join(ns), capture_output=True, text=True).stdout.split('\n')
    res = []
    for s in out[:len(ns)]:
        s = re.sub(r'::h[0-9a-f]{16}$', '', s); s = re.sub(r'\[[0-9a-f]{16}\]', '', s)
        for a, c in [('$LT$','<'),('$GT$','>'),('$RF$','&'),('$u20$',' '),('$C$',','),('$BP$','*'),('..','::'),('$u7b$','{'),('$u7d$','}'),('$u27$',"'"),('$u5b$','['),('$u5d$',']'),('$u3b$',';'),('$u21$','!')]:
            s = s.replace(a, c)
        res.append(s)
    return res

def category(n):
    rules = [
        ('serde_path_to_error (path-tracking wrappers)', r'serde_path_to_error'),
        ('serde_wasm_bindgen (JsValue (de)serializer)', r'serde_wasm_bindgen'),
        ('serde (derive visitors, Content buffering, errors)', r'serde'),
        ('float fmt/parse (flt2dec, dec2flt)', r'(flt2dec|dec2flt|fmt::float|grisu|dragon|FromStr>::from_str)'),
        ('elcompare::ui (components)', r'elcompare::ui'),
        ('elcompare::engine', r'elcompare::engine'),
        ('elcompare::setup', r'elcompare::setup'),
        ('elcompare::fragment', r'elcompare::fragment'),
        ('elcompare::embed', r'elcompare::embed'),
        ('elcompare::data (validator, date)', r'elcompare::data'),
        ('yew internals', r'yew'),
        ('wasm_bindgen/js_sys/web_sys', r'(wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen)'),
        ('core::fmt (non-float)', r'core::fmt'),
        ('dlmalloc', r'dlmalloc'),
        ('alloc/hashbrown (other)', r'(alloc::|hashbrown)'),
        ('core (other)', r'core'),
        ('std', r'std::'),
    ]
    for c, r in rules:
        if re.search(r, n): return c
    return 'other'

path = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
sections, nimp, sizes, names = parse(path)
print('sections:', ', '.join(f'{ {0:"custom",1:"type",2:"import",3:"func",5:"mem",6:"global",7:"export",9:"elem",10:"code",11:"data",12:"datacount"}.get(s,s)}={n}' for s,n in sections))
dn = demangle([names.get(nimp + k, f'f{nimp+k}') for k in range(len(sizes))])
total = sum(sizes)
cats = collections.Counter(); gen = collections.Counter(); cnt = collections.Counter()
for n, s in zip(dn, sizes):
    cats[category(n)] += s
    g = re.sub(r'<[^<>]*>', '', n)
    while re.search(r'<[^<>]*>', g): g = re.sub(r'<[^<>]*>', '', g)
    gen[g] += s; cnt[g] += 1
print(f'\ncode total {total} B in {len(sizes)} functions\n\nby category:')
for c, s in cats.most_common(): print(f'{s:>9} {100*s/total:5.1f}%  {c}')
print(f'\ntop {top} functions:')
for n, s in sorted(zip(dn, sizes), key=lambda x: -x[1])[:top]: print(f'{s:>8}  {n[:160]}')
print(f'\ntop {top} generic families (monomorphisations summed):')
for g, s in gen.most_common(top): print(f'{s:>8} x{cnt[g]:<4} {g[:150]}')
