-- casefile_document was never written or read: attachments get their own design with the 1+N record
-- (materials, photos, receipts stored with their case or visit, with size and type limits).
DROP TABLE casefile_document;
