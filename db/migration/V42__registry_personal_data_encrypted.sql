-- Personal data encrypted at rest (PIPL): ID number, phone and address as AES-GCM ciphertext with
-- the id of the key that sealed them, and a keyed HMAC of the ID number for lookups and uniqueness.
-- Step 1 of 3: new columns; V43 (Java, the app's key) encrypts existing rows; V44 drops plaintext.
ALTER TABLE registry_person
  ADD COLUMN id_number_hmac VARCHAR(64)   NULL,
  ADD COLUMN id_number_enc  VARCHAR(255)  NULL,
  ADD COLUMN phone_enc      VARCHAR(255)  NULL,
  ADD COLUMN address_enc    VARCHAR(1024) NULL,
  ADD COLUMN pii_key_id     VARCHAR(32)   NULL;
