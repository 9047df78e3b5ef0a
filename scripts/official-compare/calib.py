# Random full-size RetinaFace R50 and ParseNet whose batch-norm statistics are measured on the clip's own
# frames (so activations stay near unit scale and boxes/landmarks land near their anchors, as in a trained
# net), the detector's class bias shifted by MARGIN so only a few anchors pass the official 0.8 threshold.
import sys, torch, cv2, numpy as np, subprocess
import os
sys.path.insert(0, os.environ['OFFICIAL']); sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); import stubs
from facelib.detection.retinaface.retinaface import RetinaFace
from facelib.parsing.parsenet import ParseNet
clip, margin, seed, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
torch.manual_seed(seed)
raw = subprocess.run(['ffmpeg','-v','error','-i',clip,'-f','rawvideo','-pix_fmt','bgr24','pipe:'], capture_output=True).stdout
W, H = [int(v) for v in subprocess.run(['ffprobe','-v','error','-select_streams','v:0','-show_entries','stream=width,height','-of','csv=p=0',clip],capture_output=True,text=True).stdout.strip().split(',')]
n = len(raw) // (W*H*3)
frames = [np.frombuffer(raw[i*W*H*3:(i+1)*W*H*3], np.uint8).reshape(H,W,3) for i in range(0, n, max(1, n//4))]
def calibrate(net, xs):
    for m in net.modules():
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
            m.reset_running_stats(); m.momentum = None
    net.train()
    with torch.no_grad():
        for x in xs: net(x)
    net.eval()
det = RetinaFace(network_name='resnet50', half=False)
scale = 640 / min(H, W)
def prep(f):
    f = cv2.resize(f, (int(W*scale), int(H*scale)), interpolation=cv2.INTER_LINEAR) if scale > 1 else f
    return torch.from_numpy(f.astype(np.float32) - np.array([104,117,123],np.float32)).permute(2,0,1)[None]
calibrate(det, [prep(f) for f in frames])
sd = det.state_dict()
for k in sd:
    if k.startswith('ClassHead') and k.endswith('conv1x1.bias'):
        sd[k][0::2] += margin
torch.save(sd, f'{out}/r50.pth')
pn = ParseNet(in_size=512, out_size=512, parsing_ch=19)
crops = [torch.from_numpy(cv2.resize(f, (512,512)).astype(np.float32)/127.5-1).permute(2,0,1)[None] for f in frames[:2]]
calibrate(pn, crops)
torch.save(pn.state_dict(), f'{out}/parsenet.pth')
print('saved', n, 'frames sampled', len(frames))
