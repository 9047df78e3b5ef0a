# modules the training side of basicsr imports at package load; inference never calls them
import sys, types
for name in ['lpips']:
    if name not in sys.modules:
        m = types.ModuleType(name); m.LPIPS = object; sys.modules[name] = m
