/*
 * Auditor's timeline: draws the case's process (bpmn-js NavigatedViewer) and marks the path taken.
 * The stages entered and user tasks completed come from the app's own case history
 * (/audit/cases/{n}/path). Between two recorded steps
 * the connecting sequence flows, gateways and service tasks are the shortest route in the model
 * that passes no other user task: inferred, and said so on the page.
 */
(function () {
  'use strict';
  var container = document.getElementById('bpmn-diagram');
  var status = document.getElementById('diagram-status');
  if (!container || !window.BpmnJS) {
    return;
  }

  function say(text) {
    status.textContent = text;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status === 403 ? '无权查看该案件的流程图（已记录）' : '流程数据读取失败（' + r.status + '）');
      }
      return r.json();
    });
  }

  function text(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) {
        throw new Error('流程图读取失败（' + r.status + '）');
      }
      return r.text();
    });
  }

  function isUserTask(el) {
    return el && el.type === 'bpmn:UserTask';
  }

  /* neighbours of a shape: targets of its outgoing flows and its boundary events */
  function next(el) {
    var out = [];
    (el.outgoing || []).forEach(function (c) {
      out.push({ via: c, to: c.target });
    });
    (el.attachers || []).forEach(function (b) {
      out.push({ via: null, to: b });
    });
    return out;
  }

  /* shortest route from a to a shape matching goal, passing no user task on the way */
  function route(from, goal) {
    var seen = {};
    var queue = [{ el: from, trail: [] }];
    seen[from.id] = true;
    while (queue.length) {
      var cur = queue.shift();
      var steps = next(cur.el);
      for (var i = 0; i < steps.length; i++) {
        var s = steps[i];
        if (!s.to || seen[s.to.id]) {
          continue;
        }
        var trail = cur.trail.concat(s.via ? [s.via, s.to] : [s.to]);
        if (goal(s.to)) {
          return trail;
        }
        seen[s.to.id] = true;
        if (!isUserTask(s.to)) {
          queue.push({ el: s.to, trail: trail });
        }
      }
    }
    return null;
  }

  Promise.all([json(container.dataset.path)])
    .then(function (r) {
      var path = r[0];
      return text(container.dataset.processBase + encodeURIComponent(path.processId) + '.bpmn').then(
        function (xml) {
          return { path: path, xml: xml };
        }
      );
    })
    .then(function (d) {
      var viewer = new window.BpmnJS({ container: container });
      return viewer.importXML(d.xml).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        var marked = {};
        function mark(el) {
          if (el && !marked[el.id]) {
            marked[el.id] = true;
            canvas.addMarker(el.id, 'path-taken');
          }
        }
        var starts = registry.filter(function (e) {
          return e.type === 'bpmn:StartEvent' && !e.parent.type.match(/SubProcess/);
        });
        var at = starts[0];
        mark(at);
        var ids = [];
        d.path.steps.forEach(function (s) {
          if (ids[ids.length - 1] !== s.elementId) {
            ids.push(s.elementId);
          }
        });
        var recorded = 0;
        ids.forEach(function (id) {
          var el = registry.get(id);
          if (!el) {
            return;
          }
          recorded++;
          if (at && at.id !== id) {
            (route(at, function (x) { return x.id === id; }) || []).forEach(mark);
          }
          mark(el);
          at = el;
        });
        if (d.path.closed && at) {
          (route(at, function (x) { return x.type === 'bpmn:EndEvent'; }) || []).forEach(mark);
        }
        if (!d.path.closed && d.path.currentElement && registry.get(d.path.currentElement)) {
          canvas.addMarker(d.path.currentElement, 'path-current');
        }
        say('已标出 ' + recorded + ' 个有办理记录的环节；环节之间的连线按流程模型推断。');
      });
    })
    .catch(function (e) {
      say(e.message || String(e));
    });
})();
