-- Hellos are answered in batches, one transaction for many (HelloBatches): a node now welcomes several
-- thousand returning agents a second, and the former default of 1,000 a second became the one limit of a
-- reconnect storm. A site still on that default gets the new one; a value an administrator chose stays.
UPDATE client_settings SET reconnects_per_second = 5000 WHERE id = 1 AND reconnects_per_second = 1000;
