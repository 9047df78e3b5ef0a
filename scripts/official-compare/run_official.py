# Runs the official inference_codeformer.py unchanged on a video, with local weights instead of downloads,
# the tiny golden CodeFormer (its architecture numbers patched in at load time), and a minimal stand-in for
# the ffmpeg-python package (it only builds ffmpeg command lines). Harness for the side-by-side timing only.
import os, sys, types, runpy, subprocess, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stubs  # noqa: E402,F401
root = os.environ['OFFICIAL']
sys.path.insert(0, root)
os.chdir(os.environ['E2E_WORKDIR'])

# ---- ffmpeg-python subset used by basicsr/utils/video_util.py ----
ff = types.ModuleType('ffmpeg')
class Stream:
    def __init__(self, args, kind='in', src=None):
        self.args, self.kind, self.src = args, kind, src
    @property
    def audio(self):
        return Stream(self.args, 'audio')
    def output(self, *streams_and_path, **kw):
        *streams, path = streams_and_path
        return Out(self, streams, path, kw)
class Out:
    def __init__(self, inp, streams, path, kw):
        self.inp, self.streams, self.path, self.kw, self.ow = inp, streams, path, kw, False
    def overwrite_output(self):
        self.ow = True; return self
    def cmd(self):
        c = ['ffmpeg']
        def opts(d):
            o = []
            for k, v in d.items():
                if k == 'loglevel': continue
                o += ['-f' if k == 'format' else f'-{k}', str(v)]
            return o
        path, kw = self.inp.args
        c += opts(kw) + ['-i', path]
        maps = []
        for i, s in enumerate(self.streams):
            c += ['-i', s.args[0]]
            maps.append(i + 1)
        if maps:
            c += ['-map', '0:v'] + sum([['-map', f'{m}:a'] for m in maps], [])
        c += opts(self.kw) + ['-loglevel', self.kw.get('loglevel', 'error')]
        if self.ow: c += ['-y']
        c += [self.path]
        return c
    def run_async(self, pipe_stdin=False, pipe_stdout=False, cmd='ffmpeg'):
        return subprocess.Popen(self.cmd(), stdin=subprocess.PIPE if pipe_stdin else None,
                                stdout=subprocess.PIPE if pipe_stdout else None)
def _input(path, **kw):
    return Stream((path, kw))
def _probe(path):
    out = subprocess.run(['ffprobe', '-v', 'error', '-show_streams', '-of', 'json', path], check=True, capture_output=True).stdout
    return json.loads(out)
ff.input, ff.probe = _input, _probe
sys.modules['ffmpeg'] = ff

# ---- local weights instead of downloads ----
W = {'codeformer.pth': os.environ['E2E_CODEFORMER'], 'detection_Resnet50_Final.pth': os.environ['E2E_DETECTOR'],
     'parsing_parsenet.pth': os.environ['E2E_PARSENET']}
def local(url, model_dir=None, progress=True, file_name=None):
    return W[os.path.basename(url)]
import basicsr.utils.download_util as du
du.load_file_from_url = local
import facelib.utils as fu, facelib.utils.misc as fm
fu.load_file_from_url = local; fm.load_file_from_url = local

# ---- the tiny CodeFormer: the official class with the golden config's numbers ----
from basicsr.utils.registry import ARCH_REGISTRY
import basicsr.archs.codeformer_arch as cfa
src = open(f'{root}/basicsr/archs/codeformer_arch.py').read()
cfg = json.load(open(os.environ['E2E_CODEFORMER_CONFIG']))
src = src.replace('@ARCH_REGISTRY.register()\nclass CodeFormer', 'class CodeFormer')
src = src.replace("super(CodeFormer, self).__init__(512, 64, [1, 2, 2, 4, 4, 8], 'nearest',2, [16], codebook_size)",
                  f"super(CodeFormer, self).__init__(512, {cfg['nf']}, {cfg['ch_mult']}, 'nearest', {cfg['res_blocks']}, {cfg['attn_resolutions']}, codebook_size, emb_dim={cfg['emb_dim']})")
src = src.replace('shape=[x.shape[0],16,16,256]', f"shape=[x.shape[0],16,16,{cfg['emb_dim']}]")
src = src.replace('nn.Linear(256, self.dim_embd)', f"nn.Linear({cfg['emb_dim']}, self.dim_embd)")
src = src.replace("self.channels = {\n            '16': 512,\n            '32': 256,\n            '64': 256,\n            '128': 128,\n            '256': 128,\n            '512': 64,\n        }", f"self.channels = {json.dumps(cfg['channels'])}")
tiny = types.ModuleType('tiny_codeformer_arch'); tiny.__dict__.update(cfa.__dict__)
exec(compile(src, 'tiny_codeformer_arch', 'exec'), tiny.__dict__)
def make(**kw):
    kw.update(dim_embd=cfg['dim_embd'], codebook_size=cfg['codebook_size'], n_head=cfg['n_head'], n_layers=cfg['n_layers'])
    return tiny.CodeFormer(**kw)
ARCH_REGISTRY._obj_map['CodeFormer'] = make
sys.argv = ['inference_codeformer.py'] + sys.argv[1:]
runpy.run_path(f'{root}/inference_codeformer.py', run_name='__main__')
