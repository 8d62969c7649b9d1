/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// casework: the web apps open in Simplified Chinese (docs/webapp-locales.md).
// The apps take the first subtag of navigator.languages[0] ('en' for en-US) when
// it is in locales.availableLocales, and fallbackLocale only otherwise, so with
// ['zh', 'en'] an English browser would get English. This module runs before the
// app starts; it makes the apps see zh-CN as the browser language, unless a user
// opted into English with localStorage.setItem('casework.webapp.locale', 'en').
(function preferChinese() {
  try {
    var lang = window.localStorage.getItem('casework.webapp.locale') === 'en' ? 'en' : 'zh-CN';
    Object.defineProperty(window.navigator, 'languages', {configurable: true, get: function () { return [lang]; }});
    Object.defineProperty(window.navigator, 'language', {configurable: true, get: function () { return lang; }});
  } catch (e) {
    // navigator not writable: the browser's own language decides, zh stays the fallback
  }
})();

export default {
  // casework: the header names the service centre (same header as the app's pages)
  app: {
    name: '欢迎',
    vendor: '退役军人服务站'
  },
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // casework: dates as read in China (moment.js patterns)
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  //
  // casework: Simplified Chinese first and as fallback; English stays available
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
