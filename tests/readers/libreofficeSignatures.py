"""Asks LibreOffice whether the signatures of a DOCX are valid.

Usage: python3 libreofficeSignatures.py FILE.docx [PDF_OUT]
Prints one JSON object: {"signatures": [{"valid": bool, "signer": str, "certificateStatus": int,
"partial": bool}], "pdf": bool}.
Starts a private headless soffice with its own profile so that tests never
touch a user's LibreOffice settings.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def main():
    path = os.path.abspath(sys.argv[1])
    pdf_out = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
    profile = tempfile.mkdtemp(prefix="mdo-lo-")
    pipe = f"mdo{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        smgr = ctx.ServiceManager
        url = uno.systemPathToFileUrl(path)
        factory = smgr.createInstanceWithContext("com.sun.star.embed.StorageFactory", ctx)
        props = (prop("StorageFormat", "ZipFormat"),)
        storage = uno.invoke(factory, "createInstanceWithArguments",
                             ((url, 1, uno.Any("[]com.sun.star.beans.PropertyValue", props)),))
        signatures = smgr.createInstanceWithArgumentsAndContext(
            "com.sun.star.security.DocumentDigitalSignatures", ("1.2", False), ctx)
        infos = signatures.verifyDocumentContentSignatures(storage, None)
        result = {"signatures": [
            {"valid": bool(info.SignatureIsValid),
             "signer": info.Signer.SubjectName if info.Signer else "",
             # com.sun.star.security.CertificateValidity flags; 0 is VALID (a trusted chain).
             "certificateStatus": int(info.CertificateStatus),
             "partial": bool(info.PartialDocumentSignature)}
            for info in infos]}
        if pdf_out:
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
            doc.storeToURL(uno.systemPathToFileUrl(pdf_out), (prop("FilterName", "writer_pdf_Export"),))
            doc.close(True)
            result["pdf"] = True
        print(json.dumps(result))
    finally:
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


main()
