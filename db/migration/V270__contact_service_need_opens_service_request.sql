-- A 服务需求 found on a visit now files a 菜单式服务 request (services.ServiceRequestNeedOpener, key
-- SERVICE_REQUEST) instead of being recorded on the visit only (V200 left it at NONE until the
-- service menu landed).
UPDATE contact_need_opener
   SET opener = 'SERVICE_REQUEST', label = '菜单式服务申请', changed_by = 'system',
       changed_at = CURRENT_TIMESTAMP(6)
 WHERE need_kind = 'SERVICE';
