/** The XML namespaces and algorithm identifiers of an OOXML package signature. */
export const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
export const MDSSI = 'http://schemas.openxmlformats.org/package/2006/digital-signature';
export const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
export const OFFICE_DIGSIG = 'http://schemas.microsoft.com/office/2006/digsig';
export const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';
export const OBJECT_TYPE = 'http://www.w3.org/2000/09/xmldsig#Object';

export const DIGESTS = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
} as const;
export const SIGNATURE_METHODS = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
} as const;
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
