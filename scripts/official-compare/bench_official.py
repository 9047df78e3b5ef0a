# Per-call timing of the official networks (CodeFormer repo code, random init), the inputs restore-video's
# `bench networks` uses. Not part of the project: for the side-by-side figures only.
import importlib.util, json, statistics, sys, time, types
import numpy as np, cv2, torch
import os
root = os.environ['OFFICIAL']
sys.path.insert(0, root)
# stub the heavy package inits (training code, compiled ops) the archs do not need
def stub(name, **attrs):
    m = types.ModuleType(name); m.__path__ = []; m.__dict__.update(attrs); sys.modules[name] = m; return m
import logging
stub('basicsr'); stub('basicsr.archs'); stub('basicsr.ops'); stub('basicsr.ops.dcn', ModulatedDeformConvPack=object, modulated_deform_conv=None)
def load(name, path):
    spec = importlib.util.spec_from_file_location(name, f'{root}/{path}')
    mod = importlib.util.module_from_spec(spec); sys.modules[name] = mod; spec.loader.exec_module(mod); return mod
registry = load('basicsr.utils.registry', 'basicsr/utils/registry.py')
img_util = load('basicsr.utils.img_util', 'basicsr/utils/img_util.py')
stub('basicsr.utils', get_root_logger=lambda *a, **k: logging.getLogger('x'), img2tensor=img_util.img2tensor, tensor2img=img_util.tensor2img, registry=registry)
stub('basicsr.utils.misc', get_device=lambda: torch.device('cpu'))
from torchvision.transforms.functional import normalize
net_name = sys.argv[1]; warmups = int(sys.argv[2]); runs = int(sys.argv[3])
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
def gradient(w, h):
    x = np.linspace(0, 255, w, dtype=np.float32)[None, :, None]; y = np.linspace(0, 255, h, dtype=np.float32)[:, None, None]
    return np.clip(np.concatenate([x + 0 * y, y + 0 * x, (x + y) / 2], axis=2), 0, 255).astype(np.uint8)
face = gradient(512, 512)
if net_name == 'codeformer':
    load('basicsr.archs.vqgan_arch', 'basicsr/archs/vqgan_arch.py')
    cf = load('basicsr.archs.codeformer_arch', 'basicsr/archs/codeformer_arch.py')
    net = cf.CodeFormer(dim_embd=512, codebook_size=1024, n_head=8, n_layers=9, connect_list=['32', '64', '128', '256']).eval()
    def once():
        t = img_util.img2tensor(face / 255., bgr2rgb=True, float32=True)
        normalize(t, (0.5, 0.5, 0.5), (0.5, 0.5, 0.5), inplace=True)
        with torch.no_grad():
            out = net(t.unsqueeze(0), w=0.5, adain=True)[0]
        img_util.tensor2img(out, rgb2bgr=True, min_max=(-1, 1))
elif net_name == 'parsenet':
    pn = load('facelib.parsing.parsenet', 'facelib/parsing/parsenet.py')
    net = pn.ParseNet(in_size=512, out_size=512, parsing_ch=19).eval()
    colormap = [0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 255, 0, 0, 0]
    def once():
        x = cv2.resize(face, (512, 512), interpolation=cv2.INTER_LINEAR)
        x = img_util.img2tensor(x.astype('float32') / 255., bgr2rgb=True, float32=True)
        normalize(x, (0.5, 0.5, 0.5), (0.5, 0.5, 0.5), inplace=True)
        with torch.no_grad():
            out = net(torch.unsqueeze(x, 0))[0]
        out = out.argmax(dim=1).squeeze().cpu().numpy()
        mask = np.zeros(out.shape)
        for idx, color in enumerate(colormap):
            mask[out == idx] = color
        mask = cv2.GaussianBlur(mask, (101, 101), 11); mask = cv2.GaussianBlur(mask, (101, 101), 11)
        thres = 10; mask[:thres, :] = 0; mask[-thres:, :] = 0; mask[:, :thres] = 0; mask[:, -thres:] = 0
        mask = mask / 255.
        cv2.resize(mask, face.shape[:2])
elif net_name.startswith('retinaface'):
    stub('facelib'); stub('facelib.detection'); stub('facelib.detection.retinaface')
    load('facelib.detection.matlab_cp2tform', 'facelib/detection/matlab_cp2tform.py')
    load('facelib.detection.align_trans', 'facelib/detection/align_trans.py')
    load('facelib.detection.retinaface.retinaface_net', 'facelib/detection/retinaface/retinaface_net.py')
    load('facelib.detection.retinaface.retinaface_utils', 'facelib/detection/retinaface/retinaface_utils.py')
    rf = load('facelib.detection.retinaface.retinaface', 'facelib/detection/retinaface/retinaface.py')
    net = rf.RetinaFace(network_name='resnet50' if net_name.endswith('resnet50') else 'mobile0.25', half=False).eval()
    frame = gradient(1138, 640)
    def once():
        with torch.no_grad():
            net.detect_faces(frame, 0.8, 0.4, use_origin_size=True)
elif net_name == 'realesrgan-x2':
    stub('basicsr.utils.download_util', load_file_from_url=None)
    load('basicsr.archs.arch_util', 'basicsr/archs/arch_util.py')
    rr = load('basicsr.archs.rrdbnet_arch', 'basicsr/archs/rrdbnet_arch.py')
    ru = load('basicsr.utils.realesrgan_utils', 'basicsr/utils/realesrgan_utils.py')
    model = rr.RRDBNet(num_in_ch=3, num_out_ch=3, num_feat=64, num_block=23, num_grow_ch=32, scale=2)
    torch.save({'params_ema': model.state_dict()}, os.path.join(os.environ.get('TMPDIR', '/tmp'), 'rrdb_random.pth'))
    # as CodeFormer's inference script sets it up: tile 400, tile_pad 40, pre_pad 0
    up = ru.RealESRGANer(scale=2, model_path=os.path.join(os.environ.get('TMPDIR', '/tmp'), 'rrdb_random.pth'), model=model, tile=400, tile_pad=40,
                         pre_pad=0, half=False, device=torch.device('cpu'))
    tile = gradient(400, 400)
    def once():
        with torch.no_grad():
            up.enhance(tile, outscale=2)
else:
    raise SystemExit('unknown network ' + net_name)
for _ in range(warmups):
    once()
s = []
for _ in range(runs):
    t0 = time.perf_counter(); once(); s.append(time.perf_counter() - t0)
print(json.dumps({'network': net_name, 'seconds': {'median': statistics.median(s), 'runs': s}, 'threads': torch.get_num_threads()}))
