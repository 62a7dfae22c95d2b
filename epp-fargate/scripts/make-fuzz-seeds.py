#!/usr/bin/env python3
"""Writes the seeds of EppFuzzTest from the request fixtures (see EppFuzzTest's Javadoc).

Each seed is: mode byte, chunk byte, payload. Mode 0: one frame's payload to the
dispatcher; mode 2: the same on a logged-in session; mode 1: a framed byte stream into the
frame decoder, written in chunks of (chunk byte + 1) bytes. Run from epp-fargate/.
"""
import pathlib
import struct

FIX = pathlib.Path("src/test/resources/org/opentld/registry/epp/epp")
OUT = pathlib.Path("src/test/resources/org/opentld/registry/epp/EppFuzzTestInputs/fuzz")
EPP = "urn:ietf:params:xml:ns:epp-1.0"

def cmd(body):
    return (f'<?xml version="1.0" encoding="UTF-8"?><epp xmlns="{EPP}"><command>{body}'
            '<clTRID>SEED-1</clTRID></command></epp>').encode()

HELLO = f'<?xml version="1.0" encoding="UTF-8"?><epp xmlns="{EPP}"><hello/></epp>'.encode()
LOGIN = cmd("<login><clID>reg-a</clID><pw>secret-pw-1</pw><options><version>1.0</version>"
            "<lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>"
            "<svcExtension><extURI>urn:ietf:params:xml:ns:epp:fee-1.0</extURI></svcExtension>"
            "</svcs></login>")
LOGOUT = cmd("<logout/>")

def frame(b):
    return struct.pack(">I", len(b) + 4) + b

docs = {p.stem: p.read_bytes() for p in sorted(FIX.glob("*.xml"))
        if not p.stem.endswith("_response")}
docs.update(hello=HELLO, login=LOGIN, logout=LOGOUT)

OUT.mkdir(parents=True, exist_ok=True)
for name, xml in docs.items():
    (OUT / f"dispatch_{name}").write_bytes(b"\x00\x00" + xml)
    (OUT / f"session_{name}").write_bytes(b"\x02\x00" + xml)
    (OUT / f"frame_{name}").write_bytes(b"\x01\xff" + frame(xml))
stream = b"".join(frame(d) for d in (HELLO, LOGIN, docs["domain_check"], LOGOUT))
(OUT / "frames_session_in_7_byte_chunks").write_bytes(b"\x01\x06" + stream)
(OUT / "frame_length_too_small").write_bytes(b"\x01\xff" + struct.pack(">I", 3) + b"abc")
(OUT / "frame_length_too_big").write_bytes(b"\x01\xff" + struct.pack(">I", 1 << 20) + HELLO)
