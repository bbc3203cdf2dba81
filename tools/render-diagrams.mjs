// Renders every diagram plane of bpmn/*.bpmn (the process and each collapsed sub-process) to
// docs/images/<Process>[-<SubProcess>].png with bpmn-js in headless Chromium: npm run diagrams
// (CHROMIUM=/path/to/chromium when it is not on the PATH as chromium).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM || 'chromium';
const viewer = readFileSync('node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', 'utf8');
const css = ['bpmn-js.css', 'diagram-js.css']
  .map((f) => readFileSync(`node_modules/bpmn-js/dist/assets/${f}`, 'utf8'))
  .join('\n');
const work = mkdtempSync(join(tmpdir(), 'diagrams-'));
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('bpmn').filter((f) => f.endsWith('.bpmn')).map((f) => join('bpmn', f));

function page(xml, plane, root) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
html,body{margin:0;background:#fff} .bjs-breadcrumbs{display:none !important} #c{width:6000px;height:3000px}</style></head>
<body><div id="c"></div><script>${viewer}</script><script>
const viewer = new BpmnJS({ container: '#c' });
viewer.importXML(${JSON.stringify(xml)}).then(() => {
  const canvas = viewer.get('canvas');
  ${root ? `canvas.setRootElement(viewer.get('elementRegistry').get(${JSON.stringify(plane + '_plane')}));` : ''}
  const box = canvas.getActiveLayer().getBBox();
  const view = { x: box.x - 20, y: box.y - 20, width: box.width + 40, height: box.height + 70 };
  document.getElementById('c').style.width = view.width + 'px';
  document.getElementById('c').style.height = view.height + 'px';
  canvas.resized();
  canvas.viewbox(view);
  document.title = 'size:' + Math.ceil(view.width) + 'x' + Math.ceil(view.height);
}).catch((e) => { document.title = 'error ' + e; });
</script></body></html>`;
}

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=8000'];
for (const file of files) {
  const xml = readFileSync(file, 'utf8');
  const name = file.replace(/^.*\//, '').replace(/\.bpmn$/, '');
  const planes = [...xml.matchAll(/<bpmndi:BPMNPlane id="[^"]+" bpmnElement="([^"]+)"/g)].map((m) => m[1]);
  planes.forEach((plane, i) => {
    const html = join(work, `${name}-${i}.html`);
    writeFileSync(html, page(xml, plane, i > 0));
    const dom = execFileSync(chromium, [...flags, '--dump-dom', `file://${html}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const size = dom.match(/<title>size:(\d+)x(\d+)<\/title>/);
    if (!size) {
      throw new Error(`${file} ${plane}: ${dom.match(/<title>(.*?)<\/title>/)?.[1] ?? 'no diagram'}`);
    }
    const png = `docs/images/${name}${i === 0 ? '' : '-' + plane}.png`;
    execFileSync(chromium, [...flags, `--window-size=${size[1]},${size[2]}`, `--screenshot=${png}`, `file://${html}`], {
      stdio: 'ignore',
    });
    console.log(png, `${size[1]}x${size[2]}`);
  });
}
