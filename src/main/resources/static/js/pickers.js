/*
 * Pickers of the filing forms (no inline script: CSP). Region cascade 县 → 乡镇 → 村 by name
 * (/api/pickers/regions, limited to the officer's scope) and the applicant picker: search the
 * registry by name or ID tail (masked hits), pick one to fill the form; no hit: type a new person.
 */
(function () {
  'use strict';

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            throw new Error(body.message || body.error || '查询失败（' + r.status + '）');
          });
        }
        return r.json();
      });
  }

  function option(value, text, selected) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    if (selected) {
      o.selected = true;
    }
    return o;
  }

  function fillSelect(select, choices, wanted) {
    var keep = wanted || select.value;
    select.innerHTML = '';
    select.appendChild(option('', '请选择', false));
    choices.forEach(function (c) {
      select.appendChild(option(c.code, c.name, c.code === keep));
    });
    // one choice only (the officer's own county, township or village): taken
    if (choices.length === 1 && !select.value) {
      select.value = choices[0].code;
    }
  }

  // --- region cascade ---------------------------------------------------------------------------
  function cascade(root) {
    var url = root.getAttribute('data-regions-url');
    var county = root.querySelector('.cw-county');
    var township = root.querySelector('.cw-township');
    var village = root.querySelector('.cw-village');

    function load(select, parent, wanted) {
      var q = parent ? '?parent=' + encodeURIComponent(parent) : '';
      return getJson(url + q).then(function (choices) {
        fillSelect(select, choices, wanted);
        return choices;
      });
    }

    function loadTownships(wanted) {
      if (!county.value) {
        fillSelect(township, [], null);
        fillSelect(village, [], null);
        return Promise.resolve();
      }
      return load(township, county.value, wanted);
    }

    function loadVillages(wanted) {
      if (!township.value) {
        fillSelect(village, [], null);
        return Promise.resolve();
      }
      return load(village, township.value, wanted);
    }

    root.cwSet = function (countyCode, townshipCode, villageCode) {
      county.value = countyCode;
      return loadTownships(townshipCode).then(function () {
        township.value = townshipCode || '';
        return loadVillages(villageCode);
      }).then(function () {
        village.value = villageCode || '';
      });
    };

    county.addEventListener('change', function () {
      loadTownships(null).then(function () { return loadVillages(null); });
    });
    township.addEventListener('change', function () { loadVillages(null); });

    var selectedTownship = township.getAttribute('data-selected') || '';
    var selectedVillage = village.getAttribute('data-selected') || '';
    load(county, null, selectedTownship ? selectedTownship.substring(0, 6) : null)
      .then(function () { return loadTownships(selectedTownship); })
      .then(function () { return loadVillages(selectedVillage); })
      .catch(function (e) {
        var help = root.querySelector('.form-text');
        if (help) {
          help.textContent = e.message;
        }
      });
  }

  // --- applicant picker -------------------------------------------------------------------------
  function picker(root) {
    var form = root.closest('form');
    var url = root.getAttribute('data-people-url');
    var input = root.querySelector('#person-search');
    var button = root.querySelector('.cw-person-search-btn');
    var results = root.querySelector('.cw-picker-results');
    var status = root.querySelector('.cw-picker-status');
    var hiddenId = root.querySelector('.cw-person-id');
    var personOnly = root.getAttribute('data-mode') === 'person';
    // the form's own names for the person (信访: the first petitioner's row)
    var nameField = root.getAttribute('data-name-field') || 'applicant.name';
    var idFieldName = root.getAttribute('data-id-field') || 'applicant.idNumber';
    // a section for a new person, shown only when no registered person is picked (信访)
    var newPersonSelector = root.getAttribute('data-new-person');
    var newPerson = newPersonSelector ? document.querySelector(newPersonSelector) : null;

    function field(name) {
      return form.querySelector('[name="' + name + '"]');
    }

    function showNewPerson(show) {
      if (newPerson) {
        newPerson.hidden = !show;
      }
    }

    function say(text) {
      status.textContent = text;
    }

    function search() {
      var q = input.value.trim();
      results.innerHTML = '';
      if (!q) {
        say('请输入姓名或身份证号后四位。');
        return;
      }
      say('正在查找……');
      getJson(url + '?q=' + encodeURIComponent(q)).then(function (people) {
        if (!people.length) {
          say('没有找到已登记的人员，请在下面按新人员填写。');
          showNewPerson(true);
          return;
        }
        say('找到 ' + people.length + ' 人，请选择：');
        people.forEach(function (p) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'list-group-item list-group-item-action';
          b.setAttribute('role', 'option');
          b.disabled = p.deceased;
          b.textContent = p.name + '　' + p.maskedIdNumber + '　' + p.categoryLabel + '　' + p.place +
            (p.deceased ? '（已故）' : '') + (p.movedAway ? '（已迁出）' : '');
          b.addEventListener('click', function () {
            if (personOnly) {
              hiddenId.value = p.id;
              results.innerHTML = '';
              root.querySelector('.cw-person-clear').hidden = false;
              say('已选择：' + p.name + '（' + p.maskedIdNumber + '，' + p.place + '）');
            } else {
              pick(p.id);
            }
          });
          results.appendChild(b);
        });
      }).catch(function (e) { say(e.message); });
    }

    function pick(id) {
      getJson(url + '/' + id).then(function (p) {
        hiddenId.value = p.id;
        field(nameField).value = p.name;
        var idField = field(idFieldName);
        idField.value = p.maskedIdNumber;
        idField.readOnly = true;
        showNewPerson(false);
        if (newPerson) {
          results.innerHTML = '';
          root.querySelector('.cw-person-clear').hidden = false;
          say('已选择：' + p.name + '（' + p.maskedIdNumber + '，' + p.place + '）。身份证号由系统按档案填写。');
          return;
        }
        field('applicant.category').value = p.category;
        var phone = field('applicant.phone');
        phone.value = '';
        phone.placeholder = p.maskedPhone ? '已登记 ' + p.maskedPhone + '（留空沿用）' : '';
        (p.householdMembers || []).slice(0, 3).forEach(function (m, i) {
          var n = field('applicant.householdMembers[' + i + '].name');
          var r = field('applicant.householdMembers[' + i + '].relation');
          if (n && r) {
            n.value = m.name;
            r.value = m.relation;
          }
        });
        var regions = form.querySelector('.cw-region-cascade');
        if (regions && regions.cwSet) {
          regions.cwSet(p.countyCode, p.townshipCode, p.villageCode || '');
        }
        results.innerHTML = '';
        root.querySelector('.cw-person-clear').hidden = false;
        say('已选择：' + p.name + '（' + p.maskedIdNumber + '，' + p.place + '）。身份证号、电话、住址由系统按档案填写。');
      }).catch(function (e) { say(e.message); });
    }

    // a hidden new-person section is not used: its cascade may have taken the only township by
    // itself, which would read as a half-typed new person on the server
    if (newPerson) {
      form.addEventListener('submit', function () {
        if (newPerson.hidden) {
          newPerson.querySelectorAll('input, select, textarea').forEach(function (el) {
            el.value = '';
          });
        }
      });
    }
    button.addEventListener('click', search);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        search();
      }
    });
    // a new person instead of the picked one
    var clear = root.querySelector('.cw-person-clear');
    clear.addEventListener('click', function () {
      hiddenId.value = '';
      clear.hidden = true;
      if (personOnly) {
        say('先查找并选择走访对象。');
        input.focus();
        return;
      }
      var idField = field(idFieldName);
      idField.readOnly = false;
      idField.value = '';
      var phone = field('applicant.phone');
      if (phone) {
        phone.placeholder = '';
      }
      clear.hidden = true;
      showNewPerson(true);
      say('请按新人员填写。');
      idField.focus();
    });
    if (hiddenId.value) {
      clear.hidden = false;
      if (!personOnly) {
        field(idFieldName).readOnly = true;
      }
    }
  }

  // --- townships as checkboxes (a campaign's townships) ------------------------------------------
  function checks(root) {
    var url = root.getAttribute('data-regions-url');
    var parent = root.getAttribute('data-parent');
    var wanted = (root.getAttribute('data-selected') || '').split(',');
    var status = root.querySelector('.cw-checks-status');
    if (!parent) {
      status.textContent = '无法确定您的县（区），请联系管理员。';
      return;
    }
    getJson(url + '?parent=' + encodeURIComponent(parent)).then(function (choices) {
      status.textContent = choices.length ? '请勾选参加活动的乡镇（街道）：' : '本县暂无乡镇（街道）。';
      choices.forEach(function (c) {
        var div = document.createElement('div');
        div.className = 'form-check form-check-inline';
        var input = document.createElement('input');
        input.type = 'checkbox';
        input.className = 'form-check-input';
        input.name = 'townshipCodes';
        input.value = c.code;
        input.id = 'township-' + c.code;
        input.checked = wanted.indexOf(c.code) >= 0;
        var label = document.createElement('label');
        label.className = 'form-check-label';
        label.htmlFor = input.id;
        label.textContent = c.name;
        div.appendChild(input);
        div.appendChild(label);
        root.appendChild(div);
      });
    }).catch(function (e) { status.textContent = e.message; });
  }

  document.querySelectorAll('.cw-township-checks').forEach(checks);
  document.querySelectorAll('.cw-region-cascade').forEach(cascade);
  document.querySelectorAll('.cw-person-picker').forEach(picker);
})();
