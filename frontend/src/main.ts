import './styles.css';
import { ApiClient } from './api';
import { createApp } from './app';
import { initLanguage } from './i18n';

initLanguage();
const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
createApp(root, { api: new ApiClient() });
